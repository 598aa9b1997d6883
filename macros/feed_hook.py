"""MkDocs hook: the RSS feed of Aktuellt (finsam.feed), at the addresses the
rss plugin used (feed_rss_created.xml, and feed_rss_updated.xml for those who
subscribed to that one; posts are dated by creation only, so both are the same).

The posts are read from the förbund's own pages (data/sidor/aktuellt/posts, finsam.nyheter); each post's address
is the one Material's blog gave its page. A draft the blog leaves out is left
out of the feed too. The feed needs absolute links, so site_url must be set.
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path
from urllib.parse import urljoin

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from finsam.feed import FeedChannel, FeedItem, rss  # noqa: E402
from finsam.nyheter import read_posts  # noqa: E402
from finsam.settings import data_dir  # noqa: E402
from finsam.sidor import own_pages_dir  # noqa: E402

FEEDS = ("feed_rss_created.xml", "feed_rss_updated.xml")


def on_env(env, config, files):
    blog = config.plugins.get("material/blog")
    if blog is None:
        return env
    site_url = config.site_url
    if not site_url:
        raise Abort("Nyhetsflödet (RSS) behöver webbplatsens adress: ange site_url i mkdocs.yml.")
    blog_dir = blog.config.blog_dir.strip("/")
    items = []
    # The posts are the förbund's own pages: data/sidor/<blog_dir>/posts/*.md (finsam.sidor).
    data = data_dir(Path(config.config_file_path).parent, config.extra.get("finsam_data"))
    for post in read_posts(own_pages_dir(data), f"{blog_dir}/posts"):
        file = files.get_file_from_path(post.path)
        if file is None or file.inclusion.is_excluded():
            continue
        items.append(FeedItem(post.title, urljoin(site_url, file.url), post.date, post.description))
    name = html.unescape(str(config.site_name))  # hooks.py gives it as escaped Markup
    for path in FEEDS:
        channel = FeedChannel(
            title=f"Aktuellt från {name}",
            link=site_url,
            self_link=urljoin(site_url, path),
            description=f"Nyheter från {name}.",
            language=config.theme.get("language") or "sv",
            image=_image(config, site_url),
        )
        files.append(File.generated(config, path, content=rss(channel, items)))
    return env


def _image(config, site_url: str) -> str | None:
    """The feed's picture: the site's favicon when RSS can carry it (GIF, JPEG, PNG), else none."""
    favicon = str(config.theme.get("favicon") or "")
    if favicon.lower().endswith((".png", ".gif", ".jpg", ".jpeg")):
        return urljoin(site_url, favicon)
    return None
