"""The firm registry's widgets: table model, filters, form, detail, import, recycle bin."""
