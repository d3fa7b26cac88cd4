"""What the membership workflow tells the apps above it, which members cannot import."""

from django.dispatch import Signal

# Sent inside approve_member()'s transaction, once the request is approved: member=, by=.
member_approved = Signal()
