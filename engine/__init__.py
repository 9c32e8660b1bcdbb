"""vedtekt: the bylaws of Norwegian inter-municipal councils as data, and a rules engine that
judges meetings and decisions against them (see README.md)."""
