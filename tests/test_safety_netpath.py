"""Network folders get a warning pointing to the PostgreSQL setup."""

from kayseri_desktop.data.netpath import is_network_path, is_unc, network_warning

MOUNTS = [("/", "ext4"), ("/mnt/ofis", "cifs"), ("/mnt/ofis/yerel", "ext4"), ("/srv/nfs", "nfs4")]


def test_unc_paths_are_network_paths():
    assert is_unc(r"\\sunucu\paylasim\kayseri.sqlite")
    assert is_unc("//sunucu/paylasim/kayseri.sqlite")
    assert not is_unc(r"C:\Users\ayse\kayseri.sqlite")
    assert not is_unc(r"\\?\C:\long\path.sqlite")
    assert is_network_path(r"\\sunucu\paylasim\kayseri.sqlite", mounts=[])


def test_mount_types_decide_on_posix():
    assert is_network_path("/mnt/ofis/kayseri.sqlite", mounts=MOUNTS)
    assert not is_network_path("/mnt/ofis/yerel/kayseri.sqlite", mounts=MOUNTS)
    assert is_network_path("/srv/nfs/a/b.sqlite", mounts=MOUNTS)
    assert not is_network_path("/home/ayse/kayseri.sqlite", mounts=MOUNTS)
    assert not is_network_path("/mnt/ofisler/x.sqlite", mounts=MOUNTS)


def test_warning_names_the_path_and_postgresql(tmp_path):
    text = network_warning(r"\\sunucu\paylasim\kayseri.sqlite")
    assert text is not None and "PostgreSQL" in text and r"\\sunucu" in text
    assert network_warning(tmp_path / "yerel.sqlite") is None
