"""The demonstration content of the site: what `make run` and `make serve` show on a fresh
database. Production code never imports it."""
