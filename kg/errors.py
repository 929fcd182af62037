"""kg's one exception family. Messages name the input and say how to fix it."""


class KgError(Exception):
    """Base of every error kg reports to its user."""

    exit_code = 2


class InputError(KgError):
    """An input file or article cannot be read."""


class ModelError(KgError):
    """The spaCy pipeline cannot be loaded."""


class ValidationError(KgError):
    """A graph does not conform to kg's shapes."""

    exit_code = 1

    def __init__(self, message: str, report=None):
        super().__init__(message)
        self.report = report  # the SHACL report graph, when there is one


class OutputError(KgError):
    """The output cannot be written."""


class StoreError(KgError):
    """A triple store or endpoint refused or failed."""


class QueryError(KgError):
    """A SPARQL query cannot be run."""


class Interrupted(KgError):
    """The run was stopped by Ctrl-C or SIGTERM; the message says how to go on."""

    exit_code = 130  # 128 + SIGINT, as shells report a run stopped by Ctrl-C
