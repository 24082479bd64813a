"""数据比对 tab: hits to confirm or dismiss, the pushed-application queue, anomaly feedback, file imports."""
