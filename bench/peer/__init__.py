"""This portal side by side with djangoproject.com (`make bench-peer`, bench/README.md)."""
