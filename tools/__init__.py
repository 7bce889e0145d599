"""Developer tools around the build, not part of it: bench (build times), audit (LinkChecker, Lighthouse), urls
(the published URLs the tests hold the site to). Run each with ``python -m tools.<name>``."""
