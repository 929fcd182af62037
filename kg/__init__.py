"""kg: news articles in, linked data out.

The library behind the ``kg`` command: read articles, build their validated graphs, write
them out, query them.

    from kg import read_articles, build, GraphWriter
    with GraphWriter("news.ttl", "turtle") as writer:
        for built in build(read_articles(["examples/articles.jsonl"])):
            writer.add(built.name, built.graph)
"""

from importlib import import_module

__version__ = "0.1.0"

# name -> module; imported on first use, so that `kg --help` does not load spaCy
_EXPORTS = {
    "read_articles": "read", "build": "pipeline", "GraphWriter": "rdf", "validate": "rdf",
    "KgError": "errors", "InputError": "errors", "ValidationError": "errors",
}

__all__ = ["GraphWriter", "InputError", "KgError", "ValidationError", "__version__", "build", "read_articles",
           "validate"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
