"""Legal corpus: readers, normalisation, structure parsing, catalog and the built corpus store."""
