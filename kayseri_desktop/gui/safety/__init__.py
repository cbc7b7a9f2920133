"""Data-safety screens: damaged-database recovery, the lock holder and read-only
choice, the network-folder warning, backups and restores, concurrent-edit refusals."""
