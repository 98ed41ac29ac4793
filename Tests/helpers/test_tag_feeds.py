"""The Atom feeds evident writes, read as feed readers do (feedparser): the site's feed and each tag's.

python -m unittest discover -s Tests/helpers  (needs .build/debug/evident: `swift build` first)"""

import os
import shutil
import subprocess
import tempfile
import unittest

import feedparser

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
EVIDENT = os.path.join(ROOT, ".build", "debug", "evident")
FIXTURE = os.path.join(ROOT, "Tests", "Fixtures", "sites", "bundles")


@unittest.skipUnless(os.path.exists(EVIDENT), "evident is not built")
class TagFeedTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="evident-feeds-")
        cls.site = os.path.join(cls.folder, "site")
        shutil.copytree(FIXTURE, cls.site)
        subprocess.run([EVIDENT, "build", "--site", cls.site, "--quiet"], check=True)
        cls.public = os.path.join(cls.site, "public")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def parse(self, path):
        feed = feedparser.parse(os.path.join(self.public, path))
        self.assertFalse(feed.bozo, f"{path}: {feed.get('bozo_exception')}")
        self.assertEqual(feed.version, "atom10", path)
        return feed

    def test_each_tag_feed_is_atom_with_its_own_essays(self):
        expected = {"async": 2, "python": 2, "c-plus-plus": 1, "cafe": 1}
        for slug, count in expected.items():
            feed = self.parse(f"tags/{slug}/feed.xml")
            self.assertEqual(len(feed.entries), count, slug)
            self.assertEqual(feed.feed.link, f"https://example.org/blog/tags/{slug}/")
            self.assertTrue(all(entry.content[0].value for entry in feed.entries), slug)
        python = self.parse("tags/python/feed.xml")
        self.assertEqual(python.feed.title, "Bundles and tags: Python")
        self.assertEqual([entry.link for entry in python.entries],
                         ["https://example.org/blog/figures/", "https://example.org/blog/plain/"])
        # A feed reader resolves the essay's relative image against the essay, not the feed.
        self.assertIn('src="https://example.org/blog/figures/fig.svg"', python.entries[0].content[0].value)

    def test_the_site_feed_is_still_atom(self):
        feed = self.parse("feed.xml")
        self.assertEqual(feed.feed.title, "Bundles and tags")
        self.assertEqual(len(feed.entries), 2)


if __name__ == "__main__":
    unittest.main()
