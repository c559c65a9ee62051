"""Pure-Python core of EO Downloader: no qgis or PyQt imports allowed here.

AOI model and checks, request models, provider protocol clients, the transfer
engine, archive handling and the job store all live below this package so they
can be tested quickly without QGIS.
"""
