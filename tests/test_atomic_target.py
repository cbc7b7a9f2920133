"""Writing an export into place never replaces something that is not a regular file."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from kayseri_desktop.cli import main
from kayseri_desktop.exchange import xlsx
from kayseri_desktop.exchange.atomic import TargetRefused, atomic_target


def save(target: Path) -> Path:
    wb = xlsx.new_workbook()
    xlsx.write_sheet(wb, "Firmalar", [xlsx.Column("Unvan")], [["Kayseri Mobilya A.Ş."]])
    return xlsx.save_atomic(wb, target)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_directory_of_that_name_is_refused_and_kept(tmp_path):
    target = tmp_path / "firmalar.xlsx"
    target.mkdir()
    (target / "icindeki.txt").write_text("kalmalı", encoding="utf-8")
    with pytest.raises(TargetRefused) as caught:
        save(target)
    assert str(caught.value).startswith(f"“{target}” yazılmadı: bu ad bir klasör;")
    assert (target / "icindeki.txt").read_text(encoding="utf-8") == "kalmalı"
    assert leftovers(tmp_path) == []


def test_a_device_is_refused(tmp_path):
    # A device node of our own (the null device's numbers) in the test's folder, never the
    # system's /dev/null: a regression here must not break the machine the suite runs on.
    device = tmp_path / "aygit.xlsx"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("aygıt dosyası oluşturulamıyor (root değil)")
    with pytest.raises(TargetRefused, match="bu ad bir aygıt"):
        save(device)
    assert stat.S_ISCHR(os.lstat(device).st_mode)  # still the device it was


def test_a_pipe_and_a_socket_are_refused(tmp_path):
    pipe = tmp_path / "boru.xlsx"
    os.mkfifo(pipe)
    with pytest.raises(TargetRefused, match=r"bir boru \(FIFO\)"):
        save(pipe)
    sock_path = tmp_path / "soket.ics"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(sock_path))
        with pytest.raises(TargetRefused, match="bir soket"), atomic_target(sock_path) as tmp:
            tmp.write_bytes(b"x")
    finally:
        sock.close()
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode) and stat.S_ISSOCK(os.lstat(sock_path).st_mode)


def test_a_link_leading_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "baska-yer"
    outside.mkdir()
    precious = outside / "onemli.xlsx"
    precious.write_bytes(b"someone's workbook")
    folder = tmp_path / "ciktilar"
    folder.mkdir()
    link = folder / "firmalar.xlsx"
    link.symlink_to(precious)
    with pytest.raises(TargetRefused, match=r"klasörün dışına .* giden bir bağlantı"):
        save(link)
    assert precious.read_bytes() == b"someone's workbook"
    assert link.is_symlink() and leftovers(folder) == []


def test_a_link_to_a_file_beside_it_writes_that_file_and_keeps_the_link(tmp_path):
    real = tmp_path / "firmalar-2026.xlsx"
    real.write_bytes(b"old")
    link = tmp_path / "firmalar.xlsx"
    link.symlink_to(real.name)
    save(link)
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes().startswith(b"PK")  # a workbook now


def test_a_link_to_a_folder_beside_it_is_refused(tmp_path):
    (tmp_path / "klasor").mkdir()
    link = tmp_path / "firmalar.xlsx"
    link.symlink_to("klasor")
    with pytest.raises(TargetRefused, match="bir klasör gösteren bir bağlantı"):
        save(link)


def test_the_command_line_says_it_in_one_line(tmp_path, capsys):
    db = tmp_path / "masa.sqlite"
    assert main(["demo", "--db", str(db), "--firms", "3"]) == 0
    target = tmp_path / "v.ics"
    target.mkdir()
    capsys.readouterr()
    assert main(["visits", "ics", str(target), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"Hata: “{target}” yazılmadı: bu ad bir klasör; yalnızca olağan bir dosyanın yerine "
        "yazılabilir. Başka bir ad ya da klasör seçin; oradaki hiçbir şeye dokunulmadı.\n"
    )
