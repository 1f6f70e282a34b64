"""The training log: profiles, runs, shoes, cross-training, their forms, the list/edit flow, accounts."""
