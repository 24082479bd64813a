"""公益性岗位 beyond single operations: file imports (history, social-insurance paid months), the dynamic
ledger (台账), usage-efficiency analysis and the Excel export. No Qt."""
