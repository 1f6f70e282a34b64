"""What a runner hands to others: a private calendar feed of their training."""
