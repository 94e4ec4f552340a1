"""Natural-language processing: spaCy pipelines and veille's components.

The spaCy ``Doc`` never leaves this package: ``convert`` turns it into records.
"""
