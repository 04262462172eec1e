"""Reading a project: publication.yml, section files, editions, the theme, and the gate every read goes through."""
