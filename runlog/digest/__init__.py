"""The weekly email digest: who is due, what it says, claiming and sending it once, unsubscribing, the preview."""
