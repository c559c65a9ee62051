"""The entry of the eodag worker process (:mod:`..core.providers.eodag.worker`): the plugin's
translations for the child's messages, then the request served.

Runs in the child (QGIS's Python, no QGIS application): only Qt's QTranslator is used, and
only when the parent gave a .qm file (a user language other than English).
"""


def main(request):
    from ..core import i18n as core_i18n
    from ..core.providers.eodag import worker
    path = request.pop("qm", "")
    if path:
        from qgis.PyQt.QtCore import QTranslator
        translator = QTranslator()
        if translator.load(path):
            core_i18n.install_translator(lambda context, text: translator.translate(context, text))
    worker.child_main(request)
