from simple_history import register as register_history

from .models import Proposal

register_history(Proposal)
