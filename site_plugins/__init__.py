"""MkDocs glue for the danvan site: a thin plugin plus the site's own CSS and JavaScript."""
