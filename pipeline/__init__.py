"""firstwire: who reported it first? AI-hardware news, clustered into stories and traced."""

__version__ = "0.1.0"
