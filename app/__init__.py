"""OutreachDesk core: data, domain rules and printing. Never imports Qt."""
