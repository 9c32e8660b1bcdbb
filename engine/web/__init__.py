"""The secretary's web page and its JSON API (`vedtekt serve`): a thin layer over the library.

The API answers with exactly what the CLI prints as JSON (`vedtekt check`, `review`, `people`),
because it calls the same functions; bad input gives the CLI's exit-2 message with the file
named «request».
"""
