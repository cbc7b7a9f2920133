"""One entry point for writing a meeting pack, by the target's extension."""

from __future__ import annotations

from pathlib import Path

from kayseri_desktop.services.meeting_pack import PackData


def write_pack(pack: PackData, target: Path) -> Path:
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        from kayseri_desktop.exchange.pack_pdf import write_pack_pdf

        write_pack_pdf(pack, target)
    elif suffix == ".xlsx":
        from kayseri_desktop.exchange.pack_xlsx import write_pack_xlsx

        write_pack_xlsx(pack, target)
    else:
        raise ValueError(f"Paket .xlsx ya da .pdf olmalı, “{target.name}” değil.")
    return target
