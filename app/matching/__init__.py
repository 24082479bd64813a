"""Data matching (数据比对, notice 三(七)) and the files it reads: social-insurance enrollment and business
registration files, the platform's feeds of pushed unemployment-registration applications and anomalies.

Pure where possible: ``sources`` (the choice lists and header aliases from resources/rules/matching.toml),
``ids`` (ID-number normalising), ``reader`` (file → validated rows, every bad row with its reason) and
``match`` (rows × people → hits). Storing is ``app.ops.matching``; the platform side is ``sync.server.feeds``.
"""
