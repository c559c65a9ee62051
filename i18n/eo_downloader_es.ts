<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Aoi</name>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="17"/>
        <source>The layer or map has no valid coordinate reference system.</source>
        <translation>La capa o el mapa no tiene un sistema de referencia de coordenadas válido.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="139"/>
        <source>The extent is empty.</source>
        <translation>La extensión está vacía.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="187"/>
        <source>The area of interest must be a polygon, not a {} geometry: use a polygon layer or draw a polygon.</source>
        <translation>El área de interés debe ser un polígono, no una geometría de tipo {}: use una capa de polígonos o dibuje un polígono.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="69"/>
        <source>Choose a vector layer with polygons.</source>
        <translation>Elija una capa vectorial de polígonos.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="71"/>
        <source>The layer &apos;{}&apos; holds {} geometries; the area of interest must be polygons.</source>
        <translation>La capa '{}' contiene geometrías de tipo {}; el área de interés debe estar formada por polígonos.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="75"/>
        <source>No feature is selected in &apos;{}&apos;: select one or more polygons, or use the map extent.</source>
        <translation>No hay ningún objeto seleccionado en '{}': seleccione uno o más polígonos, o use la extensión del mapa.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="113"/>
        <source>The area of interest layer could not be read.</source>
        <translation>No se pudo leer la capa del área de interés.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="115"/>
        <source>The area of interest must be a polygon layer.</source>
        <translation>El área de interés debe ser una capa de polígonos.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="119"/>
        <source>The area of interest layer has no features (or none selected).</source>
        <translation>La capa del área de interés no tiene objetos (o no hay ninguno seleccionado).</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="154"/>
        <source>The geometry could not be read: {}</source>
        <translation>No se pudo leer la geometría: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="169"/>
        <source>The GeoJSON could not be read: {}</source>
        <translation>No se pudo leer el GeoJSON: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="179"/>
        <source>No feature is selected: select one or more polygons, or use the map extent.</source>
        <translation>No hay ningún objeto seleccionado: seleccione uno o más polígonos, o use la extensión del mapa.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="193"/>
        <source>The geometry collection holds no polygon.</source>
        <translation>La colección de geometrías no contiene ningún polígono.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="196"/>
        <source>The selected geometry is empty.</source>
        <translation>La geometría seleccionada está vacía.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="200"/>
        <source>The geometry was invalid ({}) and has been repaired.</source>
        <translation>La geometría no era válida ({}) y se ha reparado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="205"/>
        <source>The area of interest has no area (its points are on one line or repaired to nothing).</source>
        <translation>El área de interés no tiene superficie (sus puntos están en una línea o la reparación no dejó nada).</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="223"/>
        <source>The area crosses the antimeridian (180°) and was split into {} parts.</source>
        <translation>El área cruza el antimeridiano (180°) y se ha dividido en {} partes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="228"/>
        <source>The area of interest lies outside the valid range of longitude/latitude: check the layer&apos;s CRS.</source>
        <translation>El área de interés está fuera del rango válido de longitud/latitud: compruebe el SRC de la capa.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="233"/>
        <source>The area of interest has no area.</source>
        <translation>El área de interés no tiene superficie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="235"/>
        <source>The area of interest covers {:,.0f} km², more than the maximum of {:,.0f} km²: choose a smaller area or raise the limit in the settings.</source>
        <translation type="obsolete">El área de interés cubre {:,.0f} km², más que el máximo de {:,.0f} km²: elija un área más pequeña o aumente el límite en la configuración.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="311"/>
        <source>The area of interest had {} vertices, more than the {} accepted; it was simplified with a tolerance of about {:.1f} m.</source>
        <translation>El área de interés tenía {} vértices, más que los {} aceptados; se ha simplificado con una tolerancia de unos {:.1f} m.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="427"/>
        <source>The coordinate reference system &apos;{}&apos; is not known.</source>
        <translation>El sistema de referencia de coordenadas '{}' es desconocido.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="433"/>
        <source>The area of interest cannot be expressed in longitude/latitude from {}: check the layer&apos;s CRS.</source>
        <translation>El área de interés no se puede expresar en longitud/latitud a partir de {}: compruebe el SRC de la capa.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="89"/>
        <source>feature {}</source>
        <translation>entidad {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="236"/>
        <source>The area of interest covers {} km², more than the maximum of {} km²: choose a smaller area or raise the limit in the settings.</source>
        <translation>El área de interés cubre {} km², más que el máximo de {} km²: elija un área más pequeña o aumente el límite en la configuración.</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="61"/>
        <source>The archive {name} is corrupt or truncated: {detail}</source>
        <translation>El archivo comprimido {name} está dañado o truncado: {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="61"/>
        <source>Download it again; if this repeats, the server sends a broken file.</source>
        <translation>Descárguelo de nuevo; si se repite, es el servidor el que envía un archivo defectuoso.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="92"/>
        <source>The archive {} does not exist.</source>
        <translation>El archivo comprimido {} no existe.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="187"/>
        <source>The archive may be malicious; nothing was extracted.</source>
        <translation>El archivo comprimido puede ser malicioso; no se ha extraído nada.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="145"/>
        <source>has an invalid name</source>
        <translation>tiene un nombre no válido</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="138"/>
        <source>has an absolute path</source>
        <translation>tiene una ruta absoluta</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="141"/>
        <source>points outside the destination (..)</source>
        <translation>apunta fuera del destino (..)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="149"/>
        <source>is a symbolic link</source>
        <translation>es un enlace simbólico</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="151"/>
        <source>is a special file</source>
        <translation>es un archivo especial</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="161"/>
        <source>exceeds the limit of {} members</source>
        <translation>supera el límite de {} entradas</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="171"/>
        <source>appears twice</source>
        <translation>aparece dos veces</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="176"/>
        <source>makes the total size exceed {:.1f} GiB</source>
        <translation>hace que el tamaño total supere {:.1f} GiB</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="181"/>
        <source>has a compression ratio of {:.0f}:1 (a zip bomb?)</source>
        <translation>tiene una tasa de compresión de {:.0f}:1 (¿una bomba zip?)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="198"/>
        <source>is inside a file</source>
        <translation>está dentro de un archivo</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="195"/>
        <source>Not enough disk space to extract {name}: {need} needed, {free} free.</source>
        <translation type="obsolete">No hay suficiente espacio en disco para extraer {name}: se necesitan {need}, hay {free} libres.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="305"/>
        <source>is larger than its header says</source>
        <translation>es más grande de lo que indica su cabecera</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="321"/>
        <source>Could not write {}: {}</source>
        <translation>No se pudo escribir {}: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="325"/>
        <source>{} is shorter than its header says</source>
        <translation>{} es más corto de lo que indica su cabecera</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="345"/>
        <source>{} exists and is not a folder.</source>
        <translation>{} existe y no es una carpeta.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="125"/>
        <source>Refusing to extract {name}: member “{member}” {why}.</source>
        <translation>Se rechaza extraer {name}: la entrada “{member}” {why}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="187"/>
        <source>Refusing to extract {name}: {size} of data packed in {packed} (a compression ratio of {ratio:.0f}:1, more than {limit:.0f}:1; a zip bomb?).</source>
        <translation>Se rechaza extraer {name}: {size} de datos comprimidos en {packed} (una tasa de compresión de {ratio:.0f}:1, más de {limit:.0f}:1; ¿una bomba zip?).</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="363"/>
        <source>Not enough disk space to extract {name}: {need} needed (with {margin} kept free), {free} free.</source>
        <translation>No hay espacio en disco suficiente para extraer {name}: se necesitan {need} (con {margin} que se dejan libres), hay {free} libres.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="363"/>
        <source>Free some space or choose another output folder.</source>
        <translation>Libere espacio o elija otra carpeta de salida.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="81"/>
        <source>The server sent a web page instead of the archive {name}: {words}</source>
        <translation>El servidor envió una página web en lugar del archivo comprimido {name}: {words}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="81"/>
        <source>The link may have expired or need a sign-in; try again later.</source>
        <translation>Puede que el enlace haya caducado o requiera iniciar sesión; inténtelo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="84"/>
        <source>The server sent a message instead of the archive {name}: {words}</source>
        <translation>El servidor envió un mensaje en lugar del archivo comprimido {name}: {words}</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../plugin/core/checks.py" line="35"/>
        <source>Earth Engine answered: the credentials work with project {} (test image read, download request accepted).</source>
        <translation>Earth Engine respondió: las credenciales funcionan con el proyecto {} (imagen de prueba leída, solicitud de descarga aceptada).</translation>
    </message>
    <message>
        <location filename="../plugin/core/checks.py" line="44"/>
        <source>EOSDA answered: the API key works ({} scene(s) in the test search).</source>
        <translation>EOSDA respondió: la clave de API funciona ({} escena(s) en la búsqueda de prueba).</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="42"/>
        <source>The authentication configuration &apos;{}&apos; was not found in QGIS&apos;s authentication database.</source>
        <translation>No se encontró la configuración de autenticación '{}' en la base de datos de autenticación de QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="42"/>
        <source>Pick or create one in the plugin settings.</source>
        <translation>Elija o cree una en la configuración del complemento.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="55"/>
        <source>The authentication configuration &apos;{}&apos; holds no EOSDA API key.</source>
        <translation>La configuración de autenticación '{}' no contiene ninguna clave de API de EOSDA.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="61"/>
        <source>No EOSDA API key is set.</source>
        <translation>No se ha definido ninguna clave de API de EOSDA.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="61"/>
        <source>Store your key in an authentication configuration in the plugin settings, or set EO_DOWNLOADER_EOSDA_API_KEY for headless runs.</source>
        <translation>Guarde su clave en una configuración de autenticación en la configuración del complemento, o defina EO_DOWNLOADER_EOSDA_API_KEY para las ejecuciones sin interfaz.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="78"/>
        <source>QGIS could not obtain an OAuth2 token from the authentication configuration &apos;{}&apos;.</source>
        <translation>QGIS no pudo obtener un token OAuth2 de la configuración de autenticación '{}'.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="78"/>
        <source>Open Settings &gt; Options &gt; Authentication and check the configuration, then sign in again.</source>
        <translation>Abra Configuración &gt; Opciones &gt; Autenticación y compruebe la configuración; después vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="142"/>
        <source>The authentication configuration &apos;{}&apos; ({}) holds no Earth Engine credential.</source>
        <translation>La configuración de autenticación '{}' ({}) no contiene ninguna credencial de Earth Engine.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="120"/>
        <source>No Earth Engine credentials are set.</source>
        <translation>No se han definido credenciales de Earth Engine.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="120"/>
        <source>Choose an authentication configuration (OAuth2, or the JSON of &apos;earthengine authenticate&apos; / a service-account key) in the plugin settings, or set EO_DOWNLOADER_EE_TOKEN for headless runs.</source>
        <translation>Elija una configuración de autenticación (OAuth2, o el JSON de 'earthengine authenticate' / de una clave de cuenta de servicio) en la configuración del complemento, o defina EO_DOWNLOADER_EE_TOKEN para las ejecuciones sin interfaz.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="226"/>
        <source>The authentication configuration &apos;{}&apos; holds no username, password or API key for eodag.</source>
        <translation>La configuración de autenticación '{}' no contiene ningún nombre de usuario, contraseña ni clave de API para eodag.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="202"/>
        <source>QGIS&apos;s authentication database is locked: the configuration was not created.</source>
        <translation>La base de datos de autenticación de QGIS está bloqueada: no se creó la configuración.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="202"/>
        <source>Enter QGIS&apos;s master password when asked.</source>
        <translation>Introduzca la contraseña maestra de QGIS cuando se le pida.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="208"/>
        <source>QGIS could not store the authentication configuration &apos;{}&apos;.</source>
        <translation>QGIS no pudo guardar la configuración de autenticación '{}'.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="251"/>
        <source>The authentication configuration &apos;{}&apos; ({}) cannot be used for a STAC catalogue: choose Basic, OAuth2, a token or API headers.</source>
        <translation>La configuración de autenticación «{}» ({}) no sirve para un catálogo STAC: elija Basic, OAuth2, un token o cabeceras de API.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="264"/>
        <source>The authentication configuration &apos;{}&apos; ({}) cannot hold S3 keys: choose a Basic one (user name = access key id, password = secret key).</source>
        <translation>La configuración de autenticación «{}» ({}) no puede contener claves S3: elija una de tipo Basic (nombre de usuario = identificador de clave de acceso, contraseña = clave secreta).</translation>
    </message>
</context>
<context>
    <name>DownloadDock</name>
    <message>
        <location filename="../ui/download_dock.ui" line="5"/>
        <source>EO Downloader</source>
        <translation>EO Downloader</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="139"/>
        <source>No polygon drawn yet: click 'Draw on the map…', click the vertices and right-click to finish.</source>
        <translation>Todavía no se ha dibujado ningún polígono: pulse 'Dibujar en el mapa…', haga clic en los vértices y clic derecho para terminar.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="147"/>
        <source>{:,.2f} km², {} part(s), {} vertices.</source>
        <translation type="obsolete">{:,.2f} km², {} parte(s), {} vértices.</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="20"/>
        <source>Area of interest</source>
        <translation>Área de interés</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="22"/>
        <source>Map extent</source>
        <translation>Extensión del mapa</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="23"/>
        <source>Selected features of</source>
        <translation>Objetos seleccionados de</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="27"/>
        <source>Drawn polygon</source>
        <translation>Polígono dibujado</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="28"/>
        <source>Draw on the map…</source>
        <translation>Dibujar en el mapa…</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="28"/>
        <source>Click the vertices of a polygon on the map; right-click to finish.</source>
        <translation>Haga clic en los vértices de un polígono en el mapa; clic derecho para terminar.</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="29"/>
        <source>No area of interest yet.</source>
        <translation>Todavía no hay área de interés.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="56"/>
        <source>Earth Engine</source>
        <translation>Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="57"/>
        <source>EOSDA</source>
        <translation>EOSDA</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="43"/>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="49"/>
        <source>Jobs…</source>
        <translation>Trabajos…</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="50"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="182"/>
        <source>{} km², {} part(s), {} vertices.</source>
        <translation>{} km², {} parte(s), {} vértices.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="187"/>
        <source>One job per feature: {} jobs.</source>
        <translation>Un trabajo por entidad: {} trabajos.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="227"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation>Trabajo '{}' enviado; sígalo en el panel de trabajos.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="230"/>
        <source>{} jobs submitted, one per feature; follow them in the Jobs panel.</source>
        <translation>{} trabajos enviados, uno por entidad; sígalos en el panel de trabajos.</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="25"/>
        <source>One job per feature, named by</source>
        <translation>Un trabajo por entidad, con el nombre de</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="25"/>
        <source>Run one job for each selected polygon, each in a folder named after the feature.</source>
        <translation>Ejecutar un trabajo por cada polígono seleccionado, cada uno en una carpeta con el nombre de la entidad.</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="26"/>
        <source>The attribute that names each feature&apos;s job and folder (empty: the feature id).</source>
        <translation>El atributo que da nombre al trabajo y a la carpeta de cada entidad (vacío: el ID de la entidad).</translation>
    </message>
</context>
<context>
    <name>EeAuth</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="46"/>
        <source>Sign in to Earth Engine again: run &quot;earthengine authenticate&quot; (or ee.Authenticate() in Python), or update the Earth Engine credentials in the plugin settings (a service-account key or an access token), then retry.</source>
        <translation>Vuelva a iniciar sesión en Earth Engine: ejecute &quot;earthengine authenticate&quot; (o ee.Authenticate() en Python), o actualice las credenciales de Earth Engine en la configuración del complemento (una clave de cuenta de servicio o un token de acceso), y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="76"/>
        <source>The Earth Engine access token is empty.</source>
        <translation>El token de acceso de Earth Engine está vacío.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="94"/>
        <source>The Earth Engine credentials hold no refresh token.</source>
        <translation>Las credenciales de Earth Engine no contienen ningún token de actualización.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="142"/>
        <source>Google refused the Earth Engine refresh token: {}</source>
        <translation>Google rechazó el token de actualización de Earth Engine: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="148"/>
        <source>The token endpoint {} did not answer with JSON.</source>
        <translation>El endpoint de token {} no respondió con JSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="152"/>
        <source>The token endpoint answered without an access token.</source>
        <translation>El endpoint de token respondió sin token de acceso.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="176"/>
        <source>No Earth Engine credentials file at {}.</source>
        <translation>No hay ningún archivo de credenciales de Earth Engine en {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="179"/>
        <source>The Earth Engine credentials file {} cannot be read: {}</source>
        <translation>No se puede leer el archivo de credenciales de Earth Engine {}: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="182"/>
        <source>The Earth Engine credentials file {} holds no refresh token.</source>
        <translation>El archivo de credenciales de Earth Engine {} no contiene ningún token de actualización.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="187"/>
        <source>The Earth Engine credentials file {} names no OAuth client (client_id).</source>
        <translation>El archivo de credenciales de Earth Engine {} no indica ningún cliente OAuth (client_id).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="187"/>
        <source>Run &quot;earthengine authenticate&quot; again with a current earthengine-api, or use a service-account key.</source>
        <translation>Vuelva a ejecutar &quot;earthengine authenticate&quot; con una versión actual de earthengine-api, o use una clave de cuenta de servicio.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="207"/>
        <source>Service-account keys need the Python package google-auth, which is not installed.</source>
        <translation>Las claves de cuenta de servicio necesitan el paquete de Python google-auth, que no está instalado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="207"/>
        <source>Install google-auth into QGIS&apos;s Python (pip install google-auth), or sign in with &quot;earthengine authenticate&quot; instead.</source>
        <translation>Instale google-auth en el Python de QGIS (pip install google-auth), o inicie sesión con &quot;earthengine authenticate&quot; en su lugar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="221"/>
        <source>The service-account key is not valid JSON: {}</source>
        <translation>La clave de cuenta de servicio no es un JSON válido: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="224"/>
        <source>This is not a service-account key (JSON with &quot;type&quot;: &quot;service_account&quot;).</source>
        <translation>Esto no es una clave de cuenta de servicio (JSON con &quot;type&quot;: &quot;service_account&quot;).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="248"/>
        <source>The service-account key was refused: {}</source>
        <translation>Se rechazó la clave de cuenta de servicio: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="356"/>
        <source>No Earth Engine credentials are configured.</source>
        <translation>No hay credenciales de Earth Engine configuradas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="308"/>
        <source>The Earth Engine credentials are not valid JSON: {}</source>
        <translation>Las credenciales de Earth Engine no son un JSON válido: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="311"/>
        <source>The Earth Engine credentials must be a JSON object.</source>
        <translation>Las credenciales de Earth Engine deben ser un objeto JSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="317"/>
        <source>The Earth Engine credentials name no OAuth client (client_id).</source>
        <translation>Las credenciales de Earth Engine no indican ningún cliente OAuth (client_id).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="327"/>
        <source>These credentials hold neither a refresh token, a service-account key nor an access token.</source>
        <translation>Estas credenciales no contienen ni un token de actualización, ni una clave de cuenta de servicio, ni un token de acceso.</translation>
    </message>
</context>
<context>
    <name>EeClient</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="213"/>
        <source>Earth Engine: {}</source>
        <translation>Earth Engine: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="97"/>
        <source>Earth Engine refused the credentials (HTTP 401): {}</source>
        <translation>Earth Engine rechazó las credenciales (HTTP 401): {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="101"/>
        <source>Register the Cloud project {p} for Earth Engine at https://code.earthengine.google.com/register?project={p} (and enable the Earth Engine API in it), or choose a registered project in the settings.</source>
        <translation>Registre el proyecto de Cloud {p} para Earth Engine en https://code.earthengine.google.com/register?project={p} (y habilite en él la API de Earth Engine), o elija un proyecto registrado en la configuración.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="106"/>
        <source>Your account needs the role &quot;Service Usage Consumer&quot; (roles/serviceusage.serviceUsageConsumer) on project {p}, or choose a project you own in the settings.</source>
        <translation>Su cuenta necesita el rol &quot;Service Usage Consumer&quot; (roles/serviceusage.serviceUsageConsumer) en el proyecto {p}, o elija en la configuración un proyecto del que sea propietario.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="110"/>
        <source>Check that the project id {p} is right, that your account may use it with Earth Engine, and that the image is readable by you.</source>
        <translation>Compruebe que el ID de proyecto {p} es correcto, que su cuenta puede usarlo con Earth Engine y que usted puede leer la imagen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="115"/>
        <source>Make the area smaller or the scale coarser, choose fewer bands, or leave tiling on so the download is split into requests Earth Engine accepts.</source>
        <translation>Reduzca el área o use una escala más gruesa, elija menos bandas, o deje activada la división en teselas para que la descarga se reparta en solicitudes que Earth Engine acepte.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="121"/>
        <source>Check the image id (an Earth Engine asset id such as COPERNICUS/S2_SR/...), and that you may read it.</source>
        <translation>Compruebe el ID de la imagen (un ID de recurso de Earth Engine como COPERNICUS/S2_SR/...) y que tiene permiso para leerla.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="129"/>
        <source>Earth Engine refused the download options; change what the message names.</source>
        <translation>Earth Engine rechazó las opciones de descarga; cambie lo que indica el mensaje.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="133"/>
        <source>Earth Engine&apos;s request quota is exhausted for now; wait a few minutes, or download fewer tiles at once.</source>
        <translation>La cuota de solicitudes de Earth Engine está agotada por ahora; espere unos minutos o descargue menos teselas a la vez.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="137"/>
        <source>Earth Engine has a problem; try again later.</source>
        <translation>Earth Engine tiene un problema; vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="215"/>
        <source>Earth Engine sent an answer that is not JSON ({}).</source>
        <translation>Earth Engine envió una respuesta que no es JSON ({}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="218"/>
        <source>Earth Engine sent an unexpected answer ({}).</source>
        <translation>Earth Engine envió una respuesta inesperada ({}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="263"/>
        <source>Earth Engine did not return a download id.</source>
        <translation>Earth Engine no devolvió un ID de descarga.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="124"/>
        <source>Check the collection id (an Earth Engine image collection such as COPERNICUS/S2_SR_HARMONIZED).</source>
        <translation>Revise el identificador de la colección (una colección de imágenes de Earth Engine como COPERNICUS/S2_SR_HARMONIZED).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="249"/>
        <source>Earth Engine&apos;s picture was cut short: {}.</source>
        <translation>La imagen de Earth Engine llegó incompleta: {}.</translation>
    </message>
</context>
<context>
    <name>EeCollections</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/collections.py" line="178"/>
        <source>Earth Engine sent the same page of {} twice; the listing was stopped.</source>
        <translation>Earth Engine envió dos veces la misma página de {}; se detuvo el listado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/collections.py" line="189"/>
        <source>Dates must be written YYYY-MM-DD; got {} and {}.</source>
        <translation>Las fechas se escriben AAAA-MM-DD; se recibió {} y {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/collections.py" line="192"/>
        <source>The end date {} is before the start date {}.</source>
        <translation>La fecha final {} es anterior a la fecha inicial {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/collections.py" line="192"/>
        <source>Swap the two dates.</source>
        <translation>Intercambie las dos fechas.</translation>
    </message>
</context>
<context>
    <name>EeDownload</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="115"/>
        <source>The area of interest is not valid GeoJSON.</source>
        <translation>El área de interés no es un GeoJSON válido.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="119"/>
        <source>The area of interest must be a polygon.</source>
        <translation>El área de interés debe ser un polígono.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="147"/>
        <source>Band options are given for {}, which is not in the band list.</source>
        <translation>Se han dado opciones de banda para {}, que no está en la lista de bandas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="147"/>
        <source>Add the band to the band list, or remove its options.</source>
        <translation>Añada la banda a la lista de bandas, o quite sus opciones.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="493"/>
        <source>Downloaded {} of {} piece(s)</source>
        <translation>Descargado(s) {} de {} fragmento(s)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="530"/>
        <source>Downloading</source>
        <translation>Descargando</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="661"/>
        <source>The Earth Engine zip {} holds no GeoTIFF.</source>
        <translation>El zip de Earth Engine {} no contiene ningún GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="667"/>
        <source>The Earth Engine zip {} has no file for band {}.</source>
        <translation>El zip de Earth Engine {} no tiene ningún archivo para la banda {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="920"/>
        <source>Building the output files</source>
        <translation>Creando los archivos de salida</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="936"/>
        <source>Wrote {}</source>
        <translation>Escrito {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="967"/>
        <source>Reading the image&apos;s metadata</source>
        <translation>Leyendo los metadatos de la imagen</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="969"/>
        <source>Requesting {} download id(s)</source>
        <translation>Solicitando {} ID de descarga</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="929"/>
        <source>Writing {name}; a preview is on the map</source>
        <translation>Escribiendo {name}; hay una vista previa en el mapa</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="433"/>
        <source>No image of {} covers the area between {} and {} with these criteria.</source>
        <translation>Ninguna imagen de {} cubre el área entre {} y {} con estos criterios.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="433"/>
        <source>Widen the dates, raise the cloud cover limit, or check the area.</source>
        <translation>Amplíe las fechas, suba el límite de nubosidad o revise el área.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="462"/>
        <source>This download is large: about {:,.1f} GiB.</source>
        <translation>Esta descarga es grande: unos {:,.1f} GiB.</translation>
    </message>
</context>
<context>
    <name>EeExport</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="99"/>
        <source>Unknown export destination &quot;{}&quot;.</source>
        <translation>Destino de exportación desconocido &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="99"/>
        <source>Use Cloud Storage, Drive or Asset.</source>
        <translation>Use Cloud Storage, Drive o Asset.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="107"/>
        <source>Band &quot;{}&quot; has its own options; an export has one grid for all bands.</source>
        <translation>La banda &quot;{}&quot; tiene sus propias opciones; una exportación tiene una sola cuadrícula para todas las bandas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="107"/>
        <source>Give band names only, and the scale, CRS or dimensions for the whole export.</source>
        <translation>Indique solo los nombres de las bandas, y la escala, el SRC o las dimensiones para toda la exportación.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="119"/>
        <source>MAX_PIXELS must be a whole number of pixels greater than 0; got {}.</source>
        <translation>MAX_PIXELS debe ser un número entero de píxeles mayor que 0; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="119"/>
        <source>For example 1e9 or 10000000000 (the default is 1e8).</source>
        <translation>Por ejemplo 1e9 o 10000000000 (el valor predeterminado es 1e8).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="144"/>
        <source>The priority must be a whole number from 0 to 9999; got {}.</source>
        <translation>La prioridad debe ser un número entero de 0 a 9999; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="144"/>
        <source>Higher runs sooner; leave it empty for the default, 100.</source>
        <translation>Cuanto más alta, antes se ejecuta; déjela vacía para el valor predeterminado, 100.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="157"/>
        <source>File dimensions must be multiples of {} pixels; got {}.</source>
        <translation>Las dimensiones de los archivos deben ser múltiplos de {} píxeles; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="157"/>
        <source>Earth Engine writes files in shards of {} pixels: use e.g. 1024 or 2048x1024.</source>
        <translation>Earth Engine escribe los archivos en bloques de {} píxeles: use p. ej. 1024 o 2048x1024.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="169"/>
        <source>The no-data value must be a number; got {}.</source>
        <translation>El valor NoData debe ser un número; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="178"/>
        <source>Unknown pyramiding policy &quot;{}&quot;{}.</source>
        <translation>Política de pirámides desconocida &quot;{}&quot;{}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="178"/>
        <source>Use one of: {}.</source>
        <translation>Use uno de: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="192"/>
        <source>The pyramiding overrides are not valid JSON: {}.</source>
        <translation>Las políticas de pirámides por banda no son un JSON válido: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="195"/>
        <source>Example: {&quot;SCL&quot;: &quot;MODE&quot;, &quot;B4&quot;: &quot;MEAN&quot;}</source>
        <translation>Ejemplo: {&quot;SCL&quot;: &quot;MODE&quot;, &quot;B4&quot;: &quot;MEAN&quot;}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="195"/>
        <source>The pyramiding overrides must be a JSON object keyed by band name.</source>
        <translation>Las políticas de pirámides por banda deben ser un objeto JSON cuyas claves son los nombres de banda.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="201"/>
        <source>The pyramiding overrides name no band (&quot;{}&quot;).</source>
        <translation>Las políticas de pirámides por banda no nombran ninguna banda (&quot;{}&quot;).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="201"/>
        <source>Set the default policy with PYRAMIDING_POLICY.</source>
        <translation>Defina la política predeterminada con PYRAMIDING_POLICY.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="203"/>
        <source> for band {}</source>
        <translation> para la banda {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="212"/>
        <source>A Cloud Storage bucket name is needed; &quot;{}&quot; is not one.</source>
        <translation>Se necesita un nombre de bucket de Cloud Storage; &quot;{}&quot; no lo es.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="212"/>
        <source>Bucket names are 3 to 63 lowercase letters, digits, dots, hyphens or underscores, e.g. my-bucket.</source>
        <translation>Los nombres de bucket tienen de 3 a 63 letras minúsculas, dígitos, puntos, guiones o guiones bajos, p. ej. my-bucket.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="223"/>
        <source>The file name prefix &quot;{}&quot; cannot be used.</source>
        <translation>No se puede usar el prefijo de nombre de archivo &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="223"/>
        <source>Use e.g. exports/my_area (no leading slash).</source>
        <translation>Use p. ej. exports/my_area (sin barra inicial).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="251"/>
        <source>Give the id of the asset to create; got &quot;{}&quot;.</source>
        <translation>Indique el ID del recurso que se va a crear; se recibió &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="251"/>
        <source>For example projects/{}/assets/my_export.</source>
        <translation>Por ejemplo projects/{}/assets/my_export.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="263"/>
        <source>Invalid workload tag &quot;{}&quot;.</source>
        <translation>Etiqueta de carga de trabajo &quot;{}&quot; no válida.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="263"/>
        <source>Tags are 1 to 63 lowercase letters, digits, &apos;-&apos; or &apos;_&apos;, starting and ending with a letter or digit.</source>
        <translation>Las etiquetas tienen de 1 a 63 letras minúsculas, dígitos, '-' o '_', y empiezan y terminan por una letra o un dígito.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="274"/>
        <source>The description must be one line.</source>
        <translation>La descripción debe ocupar una sola línea.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="287"/>
        <source>The visualization parameters are not valid JSON: {}.</source>
        <translation>Los parámetros de visualización no son un JSON válido: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="287"/>
        <source>Example: {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000}</source>
        <translation>Ejemplo: {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="290"/>
        <source>The visualization parameters must be a JSON object.</source>
        <translation>Los parámetros de visualización deben ser un objeto JSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="294"/>
        <source>Unknown visualization parameter &quot;{}&quot;.</source>
        <translation>Parámetro de visualización desconocido &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="294"/>
        <source>Use: {}.</source>
        <translation>Use: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="322"/>
        <source>The area of interest is not valid GeoJSON: {}</source>
        <translation>El área de interés no es un GeoJSON válido: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="326"/>
        <source>The area of interest must be a GeoJSON geometry.</source>
        <translation>El área de interés debe ser una geometría GeoJSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="334"/>
        <source>Give either a scale or dimensions, not both.</source>
        <translation>Indique una escala o unas dimensiones, no ambas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="334"/>
        <source>Earth Engine cannot honour both: the scale fixes the pixel size, the dimensions the pixel count.</source>
        <translation>Earth Engine no puede respetar ambas: la escala fija el tamaño de píxel, las dimensiones el número de píxeles.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="340"/>
        <source>Give an area of interest.</source>
        <translation>Indique un área de interés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="340"/>
        <source>Or an exact pixel grid: CRS, CRS transform and WIDTHxHEIGHT dimensions.</source>
        <translation>O una cuadrícula de píxeles exacta: SRC, transformación del SRC y dimensiones ANCHOxALTO.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="351"/>
        <source>A Drive file name prefix cannot contain &quot;/&quot;: &quot;{}&quot;.</source>
        <translation>Un prefijo de nombre de archivo de Drive no puede contener &quot;/&quot;: &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="351"/>
        <source>Drive has no paths: choose the folder with FOLDER.</source>
        <translation>Drive no tiene rutas: elija la carpeta con FOLDER.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="368"/>
        <source>File options ({}) apply to Cloud Storage and Drive exports, not to an asset.</source>
        <translation>Las opciones de archivo ({}) se aplican a las exportaciones a Cloud Storage y Drive, no a un recurso.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="368"/>
        <source>Clear them, or choose Cloud Storage or Drive.</source>
        <translation>Vacíelas, o elija Cloud Storage o Drive.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="373"/>
        <source>Pyramiding overrides name bands that are not exported: {}.</source>
        <translation>Las políticas de pirámides por banda nombran bandas que no se exportan: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="373"/>
        <source>Exported bands: {}.</source>
        <translation>Bandas exportadas: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="379"/>
        <source>Pyramiding policies apply to asset exports only.</source>
        <translation>Las políticas de pirámides solo se aplican a las exportaciones a un recurso.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="379"/>
        <source>Clear them, or choose Asset as the destination.</source>
        <translation>Vacíelas, o elija Asset como destino.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="141"/>
        <source>(no message)</source>
        <translation>(sin mensaje)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="145"/>
        <source>Set MAX_PIXELS to at least {} (the export has {} pixels, the limit was {}), or make the area smaller or the scale coarser.</source>
        <translation>Ajuste MAX_PIXELS a al menos {} (la exportación tiene {} píxeles, el límite era {}), o reduzca el área o use una escala más gruesa.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="149"/>
        <source>Check the bucket name and that your account (or Earth Engine&apos;s service account) may write to it.</source>
        <translation>Compruebe el nombre del bucket y que su cuenta (o la cuenta de servicio de Earth Engine) tiene permiso para escribir en él.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="151"/>
        <source>The Earth Engine export {} failed: {}</source>
        <translation>La exportación de Earth Engine {} falló: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="188"/>
        <source>Earth Engine refused the export options; change what the message names.</source>
        <translation>Earth Engine rechazó las opciones de exportación; cambie lo que indica el mensaje.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="191"/>
        <source>Earth Engine no longer knows this operation (they are kept for a limited time). Retry the job to start the export again.</source>
        <translation>Earth Engine ya no conoce esta operación (se conservan durante un tiempo limitado). Reintente el trabajo para volver a iniciar la exportación.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="207"/>
        <source>Earth Engine did not return an operation for the export.</source>
        <translation>Earth Engine no devolvió ninguna operación para la exportación.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="251"/>
        <source>Earth Engine did not return a map id.</source>
        <translation>Earth Engine no devolvió un ID de mapa.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="326"/>
        <source>The Earth Engine export {} was cancelled.</source>
        <translation>La exportación de Earth Engine {} se canceló.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="137"/>
        <source>Could not join the export files into {}: {}</source>
        <translation>No se pudieron unir los archivos de la exportación en {}: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="163"/>
        <source>Starting the export on Earth Engine</source>
        <translation>Iniciando la exportación en Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="168"/>
        <source>Export {} started</source>
        <translation>Exportación {} iniciada</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="204"/>
        <source>Downloading {} file(s)</source>
        <translation>Descargando {} archivo(s)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="210"/>
        <source>Downloading {}</source>
        <translation>Descargando {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="232"/>
        <source>Listing gs://{}/{}*</source>
        <translation>Listando gs://{}/{}*</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="238"/>
        <source>The export finished, but gs://{}/ holds no {}.tif or {}-*.tif.</source>
        <translation>La exportación terminó, pero gs://{}/ no contiene ningún {}.tif ni {}-*.tif.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="238"/>
        <source>Check the bucket in the Cloud console; the files may have been moved or deleted.</source>
        <translation>Compruebe el bucket en la consola de Cloud; puede que los archivos se hayan movido o eliminado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="250"/>
        <source>Listing the Drive folder {}</source>
        <translation>Listando la carpeta de Drive {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="253"/>
        <source>The export finished, but there is no Drive folder named &quot;{}&quot;.</source>
        <translation>La exportación terminó, pero no hay ninguna carpeta de Drive llamada &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="260"/>
        <source>The export finished, but the Drive folder {} holds no {}.tif or {}-*.tif.</source>
        <translation>La exportación terminó, pero la carpeta de Drive {} no contiene ningún {}.tif ni {}-*.tif.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="268"/>
        <source>Creating the tile layer of {}</source>
        <translation>Creando la capa de teselas de {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="299"/>
        <source>Export {} runs on Earth Engine; not waiting for it. Retry the job to follow it and fetch the result.</source>
        <translation>La exportación {} se ejecuta en Earth Engine; no se espera a que termine. Reintente el trabajo para seguirla y obtener el resultado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="134"/>
        <source>This export would have at least {} pixels, more than its maximum of {:,} (MAX_PIXELS).</source>
        <translation>Esta exportación tendría al menos {} píxeles, más que su máximo de {:,} (MAX_PIXELS).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="134"/>
        <source>Choose a coarser scale or a smaller area, or set MAX_PIXELS higher.</source>
        <translation>Elija una escala más gruesa o un área más pequeña, o aumente MAX_PIXELS.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="307"/>
        <source>The Earth Engine export {} is still {} after {}; the plugin stopped following it.</source>
        <translation>La exportación de Earth Engine {} sigue {} después de {}; el complemento dejó de seguirla.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="307"/>
        <source>It keeps running on Earth Engine: retry the job later to follow it and fetch the result.</source>
        <translation>Sigue ejecutándose en Earth Engine: reintente el trabajo más tarde para seguirlo y obtener el resultado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="316"/>
        <source>{:g} h</source>
        <translation>{:g} h</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="318"/>
        <source>{:g} min</source>
        <translation>{:g} min</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="319"/>
        <source>{:g} s</source>
        <translation>{:g} s</translation>
    </message>
</context>
<context>
    <name>EeParams</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="96"/>
        <source>Unknown download format &quot;{}&quot;.</source>
        <translation>Formato de descarga desconocido &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="356"/>
        <source>Use one of: {}.</source>
        <translation>Use uno de: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="106"/>
        <source>The scale must be a positive number of metres per pixel; got {}.</source>
        <translation>La escala debe ser un número positivo de metros por píxel; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="106"/>
        <source>Enter e.g. 10 for Sentinel-2&apos;s finest bands, or leave it empty.</source>
        <translation>Introduzca p. ej. 10 para las bandas más finas de Sentinel-2, o déjelo vacío.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="137"/>
        <source>Dimensions must be WIDTHxHEIGHT in whole pixels (e.g. 512x512), or one number for the longest side; got {}.</source>
        <translation>Las dimensiones deben ser ANCHOxALTO en píxeles enteros (p. ej. 512x512), o un solo número para el lado más largo; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="162"/>
        <source>The pixel transform (crs_transform) must be 6 numbers; got {}.</source>
        <translation>La transformación de píxeles (crs_transform) debe tener 6 números; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="162"/>
        <source>Give [xScale, xShearing, xTranslation, yShearing, yScale, yTranslation], e.g. 10,0,500000,0,-10,4200000.</source>
        <translation>Indique [xScale, xShearing, xTranslation, yShearing, yScale, yTranslation], p. ej. 10,0,500000,0,-10,4200000.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="167"/>
        <source>The pixel transform (crs_transform) {} has a zero pixel size.</source>
        <translation>La transformación de píxeles (crs_transform) {} tiene un tamaño de píxel cero.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="167"/>
        <source>xScale and yScale (1st and 5th numbers) must not be 0.</source>
        <translation>xScale e yScale (1.º y 5.º números) no deben ser 0.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="182"/>
        <source>Unknown CRS &quot;{}&quot;: {}</source>
        <translation>SRC desconocido &quot;{}&quot;: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="182"/>
        <source>Use an authority code such as EPSG:4326 or EPSG:32631, or a WKT string.</source>
        <translation>Use un código de autoridad como EPSG:4326 o EPSG:32631, o una cadena WKT.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="190"/>
        <source>The options of band &quot;{}&quot; must be a JSON object; got {}.</source>
        <translation>Las opciones de la banda &quot;{}&quot; deben ser un objeto JSON; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="277"/>
        <source>Example: {}</source>
        <translation>Ejemplo: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="198"/>
        <source>Unknown option &quot;{}&quot; for band &quot;{}&quot;.</source>
        <translation>Opción desconocida &quot;{}&quot; para la banda &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="198"/>
        <source>Band options can be: {}.</source>
        <translation>Las opciones de banda pueden ser: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="220"/>
        <source>The band list must be band names separated by commas; got {}.</source>
        <translation>La lista de bandas deben ser nombres de bandas separados por comas; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="230"/>
        <source>Each band in the band list needs an &quot;id&quot; (its name); got {}.</source>
        <translation>Cada banda de la lista de bandas necesita un &quot;id&quot; (su nombre); se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="230"/>
        <source>Example: [{&quot;id&quot;: &quot;B4&quot;, &quot;scale&quot;: 10}]</source>
        <translation>Ejemplo: [{&quot;id&quot;: &quot;B4&quot;, &quot;scale&quot;: 10}]</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="235"/>
        <source>A band must be a name or an object with an id; got {}.</source>
        <translation>Una banda debe ser un nombre o un objeto con un id; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="238"/>
        <source>A band name is empty.</source>
        <translation>Un nombre de banda está vacío.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="240"/>
        <source>Band &quot;{}&quot; is listed twice.</source>
        <translation>La banda &quot;{}&quot; aparece dos veces.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="264"/>
        <source>The band options are not valid JSON (line {}, column {}): {}.</source>
        <translation>Las opciones de banda no son un JSON válido (línea {}, columna {}): {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="271"/>
        <source>A band name in the band options is empty.</source>
        <translation>Un nombre de banda en las opciones de banda está vacío.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="277"/>
        <source>The band options must be a JSON object keyed by band name; got {}.</source>
        <translation>Las opciones de banda deben ser un objeto JSON cuyas claves son los nombres de banda; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="286"/>
        <source>An Earth Engine Cloud project is required.</source>
        <translation>Se necesita un proyecto de Cloud para Earth Engine.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="286"/>
        <source>Enter the id of a Google Cloud project registered for Earth Engine (https://code.earthengine.google.com/register).</source>
        <translation>Introduzca el ID de un proyecto de Google Cloud registrado para Earth Engine (https://code.earthengine.google.com/register).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="292"/>
        <source>The project id &quot;{}&quot; is not a valid Google Cloud project id.</source>
        <translation>El ID de proyecto &quot;{}&quot; no es un ID de proyecto de Google Cloud válido.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="292"/>
        <source>Project ids are 6 to 30 lowercase letters, digits or hyphens, starting with a letter (or a project number).</source>
        <translation>Los ID de proyecto tienen de 6 a 30 letras minúsculas, dígitos o guiones y empiezan por una letra (o son un número de proyecto).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="301"/>
        <source>Choose an image by its Earth Engine asset id; got &quot;{}&quot;.</source>
        <translation>Elija una imagen por su ID de recurso de Earth Engine; se recibió &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="301"/>
        <source>For example COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.</source>
        <translation>Por ejemplo COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="310"/>
        <source>The name &quot;{}&quot; cannot be used as a file name.</source>
        <translation type="obsolete">El nombre &quot;{}&quot; no se puede usar como nombre de archivo.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="310"/>
        <source>Avoid / \ : * ? &quot; &lt; &gt; |.</source>
        <translation type="obsolete">Evite / \ : * ? &quot; &lt; &gt; |.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="425"/>
        <source>The area (region) is not valid GeoJSON: {}</source>
        <translation>El área (region) no es un GeoJSON válido: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="427"/>
        <source>The area (region) must be a GeoJSON geometry.</source>
        <translation>El área (region) debe ser una geometría GeoJSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="434"/>
        <source>A pixel transform (crs_transform) needs a CRS (crs).</source>
        <translation>Una transformación de píxeles (crs_transform) necesita un SRC (crs).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="434"/>
        <source>Enter the CRS the transform is expressed in, e.g. EPSG:32631.</source>
        <translation>Introduzca el SRC en el que se expresa la transformación, p. ej. EPSG:32631.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="438"/>
        <source>An area, a scale or pixel transform, and dimensions cannot be used together.</source>
        <translation>Un área, una escala o transformación de píxeles y unas dimensiones no se pueden usar juntas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="438"/>
        <source>With an area give either a scale or dimensions; for an exact pixel grid give crs, crs_transform and dimensions without an area.</source>
        <translation>Con un área indique una escala o unas dimensiones; para una cuadrícula de píxeles exacta indique crs, crs_transform y las dimensiones sin área.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="444"/>
        <source>Band &quot;{}&quot; has a pixel transform (crs_transform) but no CRS.</source>
        <translation>La banda &quot;{}&quot; tiene una transformación de píxeles (crs_transform) pero no un SRC.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="444"/>
        <source>Give the band a crs, or a default CRS for all bands.</source>
        <translation>Asigne un crs a la banda, o un SRC predeterminado para todas las bandas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="85"/>
        <source>Default (zipped GeoTIFF, one file per band if chosen)</source>
        <translation>Predeterminado (GeoTIFF comprimido, un archivo por banda si se elige)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="316"/>
        <source>The cloud cover limit must be a percentage from 0 to 100; got {}.</source>
        <translation>El límite de nubosidad debe ser un porcentaje de 0 a 100; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="324"/>
        <source>Unknown {} &quot;{}&quot;.</source>
        <translation>{} desconocido: «{}».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="342"/>
        <source>Choose a collection by its Earth Engine id; got &quot;{}&quot;.</source>
        <translation>Elija una colección por su identificador de Earth Engine; se recibió «{}».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="342"/>
        <source>For example COPERNICUS/S2_SR_HARMONIZED.</source>
        <translation>Por ejemplo COPERNICUS/S2_SR_HARMONIZED.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="346"/>
        <source>A collection needs a start and an end date.</source>
        <translation>Una colección necesita una fecha inicial y una fecha final.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="346"/>
        <source>Give both dates as YYYY-MM-DD, e.g. 2023-06-01 and 2023-08-31.</source>
        <translation>Indique ambas fechas como AAAA-MM-DD, p. ej. 2023-06-01 y 2023-08-31.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="351"/>
        <source>{} has no cloud cover property to limit.</source>
        <translation>{} no tiene una propiedad de nubosidad que limitar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="351"/>
        <source>Leave the cloud cover limit empty for this collection.</source>
        <translation>Deje vacío el límite de nubosidad para esta colección.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="354"/>
        <source>cloud mask</source>
        <translation>máscara de nubes</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="356"/>
        <source>The cloud mask &quot;{}&quot; does not apply to {}.</source>
        <translation>La máscara de nubes «{}» no se aplica a {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="358"/>
        <source>compositing method</source>
        <translation>método de composición</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="360"/>
        <source>{} has no cloud cover property, so it cannot be sorted by clouds.</source>
        <translation>{} no tiene propiedad de nubosidad, así que no se puede ordenar por nubes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="360"/>
        <source>Choose another compositing method, e.g. median.</source>
        <translation>Elija otro método de composición, p. ej. la mediana.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="363"/>
        <source>Cloud Score+ band</source>
        <translation>banda de Cloud Score+</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="367"/>
        <source>The Cloud Score+ threshold must be between 0 and 1; got {}.</source>
        <translation>El umbral de Cloud Score+ debe estar entre 0 y 1; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="367"/>
        <source>0.6 keeps pixels that are clear with good confidence.</source>
        <translation>0,6 conserva los píxeles despejados con buena confianza.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="389"/>
        <source>A collection search needs an area.</source>
        <translation>Una búsqueda en una colección necesita un área.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="389"/>
        <source>Draw or choose the area to search and composite.</source>
        <translation>Dibuje o elija el área que buscar y componer.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="394"/>
        <source>Name the bands to download from {}.</source>
        <translation>Indique las bandas que descargar de {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="394"/>
        <source>Enter band names separated by commas, e.g. B4, B3, B2.</source>
        <translation>Escriba los nombres de las bandas separados por comas, p. ej. B4, B3, B2.</translation>
    </message>
</context>
<context>
    <name>EeStorage</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="130"/>
        <source>{service}: {message}</source>
        <translation>{service}: {message}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="167"/>
        <source>Check the bucket name; Earth Engine wrote the export there.</source>
        <translation>Compruebe el nombre del bucket; Earth Engine escribió allí la exportación.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="169"/>
        <source>Your credentials must be allowed to read the bucket (role Storage Object Viewer) and the token needs the Cloud Storage scope (devstorage.read_only or cloud-platform).</source>
        <translation>Sus credenciales deben tener permiso para leer el bucket (rol Storage Object Viewer) y el token necesita el alcance de Cloud Storage (devstorage.read_only o cloud-platform).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="206"/>
        <source>Reading the export from Drive needs a token with the Drive scope (drive.readonly): sign in again allowing Drive access, or export to Cloud Storage instead.</source>
        <translation>Leer la exportación desde Drive necesita un token con el alcance de Drive (drive.readonly): vuelva a iniciar sesión permitiendo el acceso a Drive, o exporte a Cloud Storage en su lugar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="275"/>
        <source>The export file name {} cannot be used.</source>
        <translation>No se puede usar el nombre de archivo de exportación {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="93"/>
        <source>{service}: the listing repeats itself (the same page token came back); stopped after {pages} page(s).</source>
        <translation>{service}: el listado se repite (volvió el mismo token de página); se detuvo tras {pages} página(s).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="93"/>
        <source>The service has a problem; try again later.</source>
        <translation>El servicio tiene un problema; inténtelo de nuevo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="98"/>
        <source>{service}: the listing has more than {limit} pages; stopped there.</source>
        <translation>{service}: el listado tiene más de {limit} páginas; se detuvo ahí.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="98"/>
        <source>Use a file name prefix that only this export uses.</source>
        <translation>Use un prefijo de nombre de archivo que solo use esta exportación.</translation>
    </message>
</context>
<context>
    <name>EeTab</name>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="416"/>
        <source>Image&apos;s own CRS</source>
        <translation>SRC propio de la imagen</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="76"/>
        <source>Enter an image id.</source>
        <translation type="obsolete">Introduzca un ID de imagen.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="130"/>
        <source>Enter at least one band.</source>
        <translation>Introduzca al menos una banda.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="147"/>
        <source>Export on Earth Engine</source>
        <translation>Exportar en Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="148"/>
        <source>Start the export on Earth Engine as a background job that follows it.</source>
        <translation>Iniciar la exportación en Earth Engine como un trabajo en segundo plano que la sigue.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="124"/>
        <source>Download from Earth Engine</source>
        <translation>Descargar de Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="152"/>
        <source>Send the request as a background job.</source>
        <translation>Enviar la solicitud como trabajo en segundo plano.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="155"/>
        <source>An export writes GeoTIFF files.</source>
        <translation>Una exportación escribe archivos GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="159"/>
        <source>That is a large download: a batch export computes it on Earth Engine&apos;s servers and brings the files back.</source>
        <translation>Es una descarga grande: una exportación por lotes la calcula en los servidores de Earth Engine y trae los archivos.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="145"/>
        <source>{} × {} px, {} band(s), {:,.1f} MiB as Earth Engine counts it (with the mask byte), {} request(s).</source>
        <translation type="obsolete">{} × {} px, {} banda(s), {:,.1f} MiB según el cómputo de Earth Engine (con el byte de máscara), {} solicitud(es).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="154"/>
        <source>About {} × {} px at {} m, {:,.1f} MiB (16-bit bands + mask byte), {} tile(s).</source>
        <translation type="obsolete">Aproximadamente {} × {} px a {} m, {:,.1f} MiB (bandas de 16 bits + byte de máscara), {} tesela(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="236"/>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="237"/>
        <source>Drive folder</source>
        <translation>Carpeta de Drive</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="238"/>
        <source>Asset id</source>
        <translation>ID del recurso</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="270"/>
        <source>Max. pixels must be a number, e.g. 1e10; got &quot;{}&quot;.</source>
        <translation>Píxeles máx. debe ser un número, p. ej. 1e10; se recibió &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="296"/>
        <source>The image&apos;s bands cannot be read yet: {}</source>
        <translation>Todavía no se pueden leer las bandas de la imagen: {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="300"/>
        <source>Reading the description of {}</source>
        <translation>Leyendo la descripción de {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="315"/>
        <source>The image&apos;s bands could not be read: {}</source>
        <translation>No se pudieron leer las bandas de la imagen: {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="606"/>
        <source>EE export {}</source>
        <translation>Exportación EE {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="541"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation type="obsolete">Trabajo '{}' enviado; sígalo en el panel Trabajos.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="58"/>
        <source>Image id</source>
        <translation>ID de imagen</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="60"/>
        <source>Bands</source>
        <translation>Bandas</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="63"/>
        <source>Comma-separated band names; true colour by default.</source>
        <translation>Nombres de bandas separados por comas; color verdadero por defecto.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="64"/>
        <source>Bands…</source>
        <translation>Bandas…</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="64"/>
        <source>Pick bands from the image once its description is read.</source>
        <translation>Elegir bandas de la imagen una vez leída su descripción.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="67"/>
        <source>Scale (m)</source>
        <translation>Escala (m)</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="68"/>
        <source>native</source>
        <translation>nativa</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="69"/>
        <source>CRS</source>
        <translation>SRC</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="71"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="73"/>
        <source>One file per band</source>
        <translation>Un archivo por banda</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="74"/>
        <source>Cloud project</source>
        <translation>Proyecto de Cloud</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="78"/>
        <source>Batch export on Earth Engine</source>
        <translation>Exportación por lotes en Earth Engine</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="81"/>
        <source>Earth Engine computes the image on its own servers (image:export); the job follows the export and brings the results back. For areas too large to download.</source>
        <translation>Earth Engine calcula la imagen en sus propios servidores (image:export); el trabajo sigue la exportación y trae los resultados. Para áreas demasiado grandes para descargarlas.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="90"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="93"/>
        <source>Cloud Storage</source>
        <translation>Cloud Storage</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="94"/>
        <source>Google Drive</source>
        <translation>Google Drive</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="95"/>
        <source>Earth Engine asset</source>
        <translation>Recurso de Earth Engine</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="103"/>
        <source>folder in My Drive (optional)</source>
        <translation>carpeta en Mi unidad (opcional)</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="107"/>
        <source>File name prefix</source>
        <translation>Prefijo de los nombres de archivo</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="108"/>
        <source>the description</source>
        <translation>la descripción</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="108"/>
        <source>Start of the exported files&apos; names (a path in the bucket).</source>
        <translation>Comienzo del nombre de los archivos exportados (una ruta en el bucket).</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="109"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="110"/>
        <source>The export&apos;s name in Earth Engine&apos;s task list.</source>
        <translation>El nombre de la exportación en la lista de tareas de Earth Engine.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="111"/>
        <source>Max. pixels</source>
        <translation>Píxeles máx.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="112"/>
        <source>1e8 (Earth Engine&apos;s default)</source>
        <translation>1e8 (valor predeterminado de Earth Engine)</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="112"/>
        <source>Most pixels the export may compute; raise it (e.g. 1e10) when Earth Engine says the export is too large.</source>
        <translation>Máximo de píxeles que puede calcular la exportación; auméntelo (p. ej. 1e10) cuando Earth Engine diga que la exportación es demasiado grande.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="113"/>
        <source>Follow the export and bring the results back</source>
        <translation>Seguir la exportación y traer los resultados</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="113"/>
        <source>Unchecked, the job ends once Earth Engine has the export; Retry in the Jobs panel follows it later.</source>
        <translation>Desmarcado, el trabajo termina en cuanto Earth Engine tiene la exportación; Reintentar en el panel de trabajos la sigue más tarde.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="121"/>
        <source>Use a batch export instead</source>
        <translation>Usar una exportación por lotes</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="99"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="303"/>
        <source>Reading the description of {}…</source>
        <translation>Leyendo la descripción de {}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="128"/>
        <source>Enter an image id, or search a collection and choose one.</source>
        <translation>Introduzca un ID de imagen, o busque en una colección y elija una.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="123"/>
        <source>A quick picture of the image or the composite over the area, as a temporary layer.</source>
        <translation>Una vista rápida de la imagen o del compuesto sobre el área, como capa temporal.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="144"/>
        <source>List the collection&apos;s images over the area.</source>
        <translation>Listar las imágenes de la colección sobre el área.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="351"/>
        <source>or type a collection id</source>
        <translation>o escriba un ID de colección</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="352"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="353"/>
        <source>Cloud Score+</source>
        <translation>Cloud Score+</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="354"/>
        <source>Landsat QA</source>
        <translation>Landsat QA</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="357"/>
        <source>median</source>
        <translation>mediana</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="357"/>
        <source>mean</source>
        <translation>media</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="358"/>
        <source>min</source>
        <translation>mín</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="358"/>
        <source>max</source>
        <translation>máx</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="359"/>
        <source>most recent on top</source>
        <translation>la más reciente encima</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="360"/>
        <source>least cloudy on top</source>
        <translation>la menos nubosa encima</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="416"/>
        <source>UTM zone of the area</source>
        <translation>Zona UTM del área</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="432"/>
        <source>Earth Engine search in {}</source>
        <translation>Búsqueda de Earth Engine en {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="435"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="447"/>
        <source>{} images found.</source>
        <translation>{} imágenes encontradas.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="449"/>
        <source>The listing was capped: narrow the dates or the area.</source>
        <translation>El listado se limitó: acote las fechas o el área.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="507"/>
        <source>Earth Engine preview of {}</source>
        <translation>Vista previa de Earth Engine de {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="514"/>
        <source>Fetching a preview…</source>
        <translation>Obteniendo una vista previa…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="527"/>
        <source>The preview could not be shown.</source>
        <translation>No se pudo mostrar la vista previa.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="540"/>
        <source>Preview shown; the download replaces it when it arrives.</source>
        <translation>Vista previa mostrada; la descarga la sustituirá cuando llegue.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="8"/>
        <source>Find images in a collection</source>
        <translation>Buscar imágenes en una colección</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="10"/>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="11"/>
        <source>A common collection, or type any Earth Engine collection id.</source>
        <translation>Una colección habitual, o escriba cualquier ID de colección de Earth Engine.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="12"/>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="20"/>
        <source>Clouds below (%)</source>
        <translation>Nubes por debajo de (%)</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="21"/>
        <source>Scenes with more cloud cover (the collection&apos;s own figure) are left out.</source>
        <translation>Se descartan las escenas con más nubosidad (según la cifra de la propia colección).</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="24"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="25"/>
        <source>Clear footprints</source>
        <translation>Borrar las huellas</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="35"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="36"/>
        <source>Cloud %</source>
        <translation>Nubes %</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="43"/>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="46"/>
        <source>Single image</source>
        <translation>Una imagen</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="46"/>
        <source>One image by its id (choose one in the search results).</source>
        <translation>Una imagen por su ID (elija una en los resultados de la búsqueda).</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="47"/>
        <source>Composite of the collection</source>
        <translation>Compuesto de la colección</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="47"/>
        <source>All the images found, cloud-masked and combined into one.</source>
        <translation>Todas las imágenes encontradas, con las nubes enmascaradas, combinadas en una.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="50"/>
        <source>Cloud mask</source>
        <translation>Máscara de nubes</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="54"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="123"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="535"/>
        <source>{} (Earth Engine tiles)</source>
        <translation>{} (teselas de Earth Engine)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="65"/>
        <source>One job per feature is for downloads: exports of several features would write the same files on Earth Engine&apos;s side. Export one area at a time.</source>
        <translation>Un trabajo por entidad es para descargas: las exportaciones de varias entidades escribirían los mismos archivos en Earth Engine. Exporte un área cada vez.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="81"/>
        <source>The whole text is in the list.</source>
        <translation>El texto completo está en la lista.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="177"/>
        <source>{} × {} px, {} band(s), {} as Earth Engine counts it (with the mask byte), {} tile(s).</source>
        <translation>{} × {} px, {} banda(s), {} según cuenta Earth Engine (con el byte de máscara), {} tesela(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="180"/>
        <source>{} requests to Earth Engine, about {} s at the speed measured so far.</source>
        <translation>{} solicitudes a Earth Engine, unos {} s a la velocidad medida hasta ahora.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="190"/>
        <source>About {} × {} px at {} m, {} (16-bit bands + mask byte), {} tile(s).</source>
        <translation>Aproximadamente {} × {} px a {} m, {} (bandas de 16 bits + byte de máscara), {} tesela(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="601"/>
        <source>Download not sent.</source>
        <translation>Descarga no enviada.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="618"/>
        <source>Large download</source>
        <translation>Descarga grande</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="618"/>
        <source>This download is about {:,.1f} GiB. Download it anyway? (A batch export computes it on Earth Engine&apos;s servers instead.)</source>
        <translation>Esta descarga ocupa unos {:,.1f} GiB. ¿Descargarla de todos modos? (Una exportación por lotes la calcula en los servidores de Earth Engine.)</translation>
    </message>
</context>
<context>
    <name>EeTiling</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="107"/>
        <source>The image {} has no band &quot;{}&quot;.</source>
        <translation>La imagen {} no tiene la banda &quot;{}&quot;.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="107"/>
        <source>Its bands are: {}.</source>
        <translation>Sus bandas son: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="240"/>
        <source>The area must be a polygon; got {}.</source>
        <translation>El área debe ser un polígono; se recibió {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="258"/>
        <source>The area is empty.</source>
        <translation>El área está vacía.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="268"/>
        <source>The area cannot be expressed in {}.</source>
        <translation>El área no se puede expresar en {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="353"/>
        <source>Without an area the image&apos;s extent must be known.</source>
        <translation>Sin un área, la extensión de la imagen debe ser conocida.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="338"/>
        <source>Draw or choose an area, or give dimensions.</source>
        <translation>Dibuje o elija un área, o indique unas dimensiones.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="341"/>
        <source>Sheared pixel transforms are not supported with an area.</source>
        <translation>Las transformaciones de píxeles con cizallamiento no se admiten con un área.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="341"/>
        <source>Use a transform with 0 shear (2nd and 4th numbers).</source>
        <translation>Use una transformación con cizallamiento 0 (2.º y 4.º números).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="347"/>
        <source>The image&apos;s projection is unknown; give a CRS.</source>
        <translation>La proyección de la imagen es desconocida; indique un SRC.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="353"/>
        <source>Draw or choose an area.</source>
        <translation>Dibuje o elija un área.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="378"/>
        <source>The image&apos;s pixel size is unknown; give a scale.</source>
        <translation>El tamaño de píxel de la imagen es desconocido; indique una escala.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="472"/>
        <source>{w} x {h} px, {n} band(s), {mb:.1f} MB as Earth Engine counts it, {t} request(s)</source>
        <translation type="obsolete">{w} x {h} px, {n} banda(s), {mb:.1f} MB según el cómputo de Earth Engine, {t} solicitud(es)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="289"/>
        <source>A pixel size of {:g} (in the units of the CRS) is too small to compute a pixel grid.</source>
        <translation>Un tamaño de píxel de {:g} (en las unidades del SRC) es demasiado pequeño para calcular una malla de píxeles.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="289"/>
        <source>Choose a coarser scale, e.g. 10 m for Sentinel-2.</source>
        <translation>Elija una escala más gruesa, por ejemplo 10 m para Sentinel-2.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="565"/>
        <source>This download would need at least {tiles} requests ({size} as Earth Engine counts it), more than the limit of {limit} per job.</source>
        <translation>Esta descarga necesitaría al menos {tiles} solicitudes ({size} según cuenta Earth Engine), más que el límite de {limit} por trabajo.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="568"/>
        <source>This download would be {w} x {h} px, {n} band(s), {size} as Earth Engine counts it: {tiles} requests, more than the limit of {limit} per job.</source>
        <translation>Esta descarga sería de {w} x {h} px, {n} banda(s), {size} según cuenta Earth Engine: {tiles} solicitudes, más que el límite de {limit} por trabajo.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="570"/>
        <source>Choose a coarser scale, smaller dimensions or a smaller area, or use a batch export (computed on Earth Engine&apos;s servers).</source>
        <translation>Elija una escala más gruesa, dimensiones o un área más pequeñas, o use una exportación por lotes (calculada en los servidores de Earth Engine).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="476"/>
        <source>{w} x {h} px, {n} band(s), {size} as Earth Engine counts it, {t} request(s)</source>
        <translation>{w} x {h} px, {n} banda(s), {size} según el cómputo de Earth Engine, {t} solicitud(es)</translation>
    </message>
</context>
<context>
    <name>EoDownloaderPlugin</name>
    <message>
        <location filename="../plugin/adapters/qgis_logging.py" line="82"/>
        <source>EO Downloader</source>
        <translation>EO Downloader</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="57"/>
        <source>Download imagery</source>
        <translation>Descargar imágenes</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="58"/>
        <source>Jobs</source>
        <translation>Trabajos</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="71"/>
        <source>Resumed {} unfinished job(s).</source>
        <translation>Se reanudaron {} trabajo(s) sin terminar.</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="59"/>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
</context>
<context>
    <name>EoDownloaderProvider</name>
    <message>
        <location filename="../plugin/processing/provider.py" line="14"/>
        <source>EO Downloader</source>
        <translation>EO Downloader</translation>
    </message>
</context>
<context>
    <name>Eodag</name>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="121"/>
        <source>On Windows, open the &apos;OSGeo4W Shell&apos; (Start menu, QGIS folder) and run:</source>
        <translation>En Windows, abra 'OSGeo4W Shell' (menú Inicio, carpeta QGIS) y ejecute:</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="123"/>
        <source>On macOS, run in a terminal:</source>
        <translation>En macOS, ejecute en un terminal:</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="125"/>
        <source>On Linux (Debian/Ubuntu QGIS packages use /usr/bin/python3), run in a terminal:</source>
        <translation>En Linux (los paquetes de QGIS de Debian/Ubuntu usan /usr/bin/python3), ejecute en un terminal:</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="127"/>
        <source>Then restart QGIS. The pins keep GDAL working: eodag needs shapely 2, and numpy must stay below 2 for GDAL built against numpy 1.</source>
        <translation>Después reinicie QGIS. Las versiones fijadas mantienen GDAL en funcionamiento: eodag necesita shapely 2, y numpy debe seguir por debajo de 2 para un GDAL compilado con numpy 1.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="143"/>
        <source>eodag is not installed in the Python QGIS uses ({error}).</source>
        <translation>eodag no está instalado en el Python que usa QGIS ({error}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="203"/>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="203"/>
        <source>needs an order</source>
        <translation>requiere un pedido</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="204"/>
        <source>ordered, being prepared</source>
        <translation>pedido, en preparación</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="204"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="479"/>
        <source>The eodag provider file &apos;{path}&apos; cannot be read: {error}</source>
        <translation>No se puede leer el archivo de proveedores de eodag '{path}': {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="745"/>
        <source>eodag could not start: {error}</source>
        <translation>eodag no pudo iniciarse: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="745"/>
        <source>Check eodag&apos;s configuration (~/.config/eodag/eodag.yml, EODAG_* environment variables).</source>
        <translation>Compruebe la configuración de eodag (~/.config/eodag/eodag.yml, variables de entorno EODAG_*).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="760"/>
        <source>The eodag provider configuration is not valid: {error}</source>
        <translation>La configuración de proveedores de eodag no es válida: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="822"/>
        <source>eodag does not know the provider &apos;{provider}&apos;: {error}</source>
        <translation>eodag no conoce el proveedor '{provider}': {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="838"/>
        <source>Choose a collection (product type).</source>
        <translation>Elija una colección (tipo de producto).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="876"/>
        <source>The product &apos;{id}&apos; was not found on {provider}.</source>
        <translation>No se encontró el producto '{id}' en {provider}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="921"/>
        <source>The search on {provider} failed: {error}</source>
        <translation>La búsqueda en {provider} falló: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="564"/>
        <source>{provider} refused the credentials: {error}</source>
        <translation>{provider} rechazó las credenciales: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="564"/>
        <source>Choose an authentication configuration with this provider&apos;s username and password (Basic) or API key.</source>
        <translation>Elija una configuración de autenticación con el nombre de usuario y la contraseña (Basic) o la clave de API de este proveedor.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="973"/>
        <source>{provider} is not configured: {error}</source>
        <translation>{provider} no está configurado: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="973"/>
        <source>Most providers need credentials: choose an authentication configuration.</source>
        <translation>La mayoría de los proveedores necesitan credenciales: elija una configuración de autenticación.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="616"/>
        <source>No quicklook for {id}: {error}</source>
        <translation>No hay vista rápida (quicklook) para {id}: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1075"/>
        <source>Ordering {title} failed: {error}</source>
        <translation>El pedido de {title} falló: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1240"/>
        <source>{title} is not available for download: {error}</source>
        <translation>{title} no está disponible para descarga: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1245"/>
        <source>The provider is still preparing it: run the job again later (the order is kept) or raise TIMEOUT.</source>
        <translation>El proveedor todavía lo está preparando: vuelva a ejecutar el trabajo más tarde (el pedido se conserva) o aumente TIMEOUT.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1263"/>
        <source>The download of {title} failed: {error}</source>
        <translation>La descarga de {title} falló: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="584"/>
        <source>the answer stops after {} bytes, in the middle of its JSON</source>
        <translation>la respuesta se corta tras {} bytes, en medio de su JSON</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="992"/>
        <source>{provider} answered the search, but no product matched it: the credentials will be checked at the first download.</source>
        <translation>{provider} respondió a la búsqueda, pero ningún producto coincide: las credenciales se comprobarán en la primera descarga.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="999"/>
        <source>{provider} answered the search; eodag accepted the credentials (they are used at the first download).</source>
        <translation>{provider} respondió a la búsqueda; eodag aceptó las credenciales (se usan en la primera descarga).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1011"/>
        <source>Checking the credentials on {provider} failed: {error}</source>
        <translation>La comprobación de las credenciales en {provider} falló: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1017"/>
        <source>{provider} has a problem now (HTTP {status}); try again later.</source>
        <translation>{provider} tiene un problema ahora (HTTP {status}); vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1020"/>
        <source>{provider} accepted the credentials; {title} cannot be downloaded now (HTTP {status}: it may have to be ordered).</source>
        <translation>{provider} aceptó las credenciales; {title} no se puede descargar ahora (HTTP {status}: quizá haya que pedirlo).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1023"/>
        <source>{provider} accepted the credentials: the search and the download of {title} answered.</source>
        <translation>{provider} aceptó las credenciales: la búsqueda y la descarga de {title} respondieron.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="858"/>
        <source>{provider}&apos;s STAC API cannot filter by cloud cover (it has neither the query nor the filter extension): of the {returned} products it returned, {kept} have at most {cloud:g} % cloud cover.</source>
        <translation>La API STAC de {provider} no puede filtrar por nubosidad (no tiene ni la extensión query ni la extensión filter): de los {returned} productos que devolvió, {kept} tienen como máximo un {cloud:g} % de nubes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/worker.py" line="89"/>
        <source>QGIS&apos;s Python interpreter was not found under {prefix}.</source>
        <translation>No se encontró el intérprete de Python de QGIS en {prefix}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/worker.py" line="277"/>
        <source>eodag stopped without an answer: {error}</source>
        <translation>eodag se detuvo sin responder: {error}</translation>
    </message>
</context>
<context>
    <name>EodagInstall</name>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="60"/>
        <source>nothing new (already installed)</source>
        <translation>nada nuevo (ya instalado)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="61"/>
        <source>Installed: {packages}.</source>
        <translation>Instalado: {packages}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="63"/>
        <source>Restart QGIS to use it: {packages} was already loaded at another version.</source>
        <translation>Reinicie QGIS para usarlo: {packages} ya estaba cargado en otra versión.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="152"/>
        <source>The installation was stopped.</source>
        <translation>Se detuvo la instalación.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="171"/>
        <source>pip could not install {packages} (exit code {code}): {error}</source>
        <translation>pip no pudo instalar {packages} (código de salida {code}): {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="223"/>
        <source>The Python interpreter of QGIS was not found (looked next to {path}).</source>
        <translation>No se encontró el intérprete de Python de QGIS (se buscó junto a {path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="227"/>
        <source>Starting pip ({python})…</source>
        <translation>Iniciando pip ({python})…</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="234"/>
        <source>pip finished in {seconds:.0f} s.</source>
        <translation>pip terminó en {seconds:.0f} s.</translation>
    </message>
</context>
<context>
    <name>EodagJob</name>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="80"/>
        <source>{what} &apos;{value}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>{what} '{value}' no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="90"/>
        <source>{what} must be a number of minutes, not &apos;{value}&apos;.</source>
        <translation>{what} debe ser un número de minutos, no '{value}'.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="93"/>
        <source>{what} must be more than 0 minutes.</source>
        <translation>{what} debe ser mayor que 0 minutos.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="104"/>
        <source>Choose a collection (product type), e.g. S2_MSI_L2A.</source>
        <translation>Elija una colección (tipo de producto), p. ej. S2_MSI_L2A.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="105"/>
        <source>The start date</source>
        <translation>La fecha de inicio</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="105"/>
        <source>The end date</source>
        <translation>La fecha de fin</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="108"/>
        <source>The start date {start} is after the end date {end}.</source>
        <translation>La fecha de inicio {start} es posterior a la fecha de fin {end}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="117"/>
        <source>The cloud cover limit must be between 0 and 100 %.</source>
        <translation>El límite de cobertura de nubes debe estar entre 0 y 100 %.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="206"/>
        <source>The job has no area of interest.</source>
        <translation>El trabajo no tiene área de interés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="126"/>
        <source>The number of products must be at least 1.</source>
        <translation>El número de productos debe ser al menos 1.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="210"/>
        <source>eodag&apos;s preferred provider</source>
        <translation>el proveedor preferido de eodag</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="211"/>
        <source>Searching {provider} for {collection}...</source>
        <translation>Buscando {collection} en {provider}...</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="220"/>
        <source>No {collection} product of {provider} matches the area, the dates and the cloud cover.</source>
        <translation>Ningún producto {collection} en {provider} coincide con el área, las fechas y la cobertura de nubes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="226"/>
        <source>{n} product(s) to deliver: {ids}</source>
        <translation>{n} producto(s) que entregar: {ids}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="236"/>
        <source>{title} ({i}/{n})</source>
        <translation>{title} ({i}/{n})</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="265"/>
        <source>{label}: waiting for order {order} placed earlier (status: {status}).</source>
        <translation>{label}: esperando el pedido {order} realizado anteriormente (estado: {status}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="272"/>
        <source>{label} is offline and must be ordered; ORDER is off, so it is skipped.</source>
        <translation>{label} está fuera de línea y debe pedirse; ORDER está desactivado, así que se omite.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="276"/>
        <source>{label}: ordering...</source>
        <translation>{label}: realizando el pedido...</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="283"/>
        <source>{label}: ordered (order {order}, status: {status}).</source>
        <translation>{label}: pedido (pedido {order}, estado: {status}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="297"/>
        <source>{label}: downloading.</source>
        <translation>{label}: descargando.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="278"/>
        <source>{label}: downloading {done} of {total} MB</source>
        <translation type="obsolete">{label}: descargando {done} de {total} MB</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="280"/>
        <source>{label}: downloading {done} MB</source>
        <translation type="obsolete">{label}: descargando {done} MB</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="306"/>
        <source>{label}: extracting ({done}/{total} files)</source>
        <translation>{label}: extrayendo ({done}/{total} archivos)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="326"/>
        <source>{label}: not available yet (order status: {status}); next try in {seconds:.0f} s (attempt {attempt}).</source>
        <translation>{label}: todavía no disponible (estado del pedido: {status}); próximo intento en {seconds:.0f} s (intento {attempt}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="349"/>
        <source>{label} failed: {error}</source>
        <translation>{label} falló: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="355"/>
        <source>{label}: already downloaded in {folder}, not downloaded again.</source>
        <translation>{label}: ya descargado en {folder}, no se vuelve a descargar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="359"/>
        <source>{label}: already downloaded ({path}), not downloaded again.</source>
        <translation>{label}: ya descargado ({path}), no se vuelve a descargar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="368"/>
        <source>{label}: cutting {bands} to the area of interest.</source>
        <translation>{label}: recortando {bands} al área de interés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="372"/>
        <source>{label}: cutting to the area of interest.</source>
        <translation>{label}: recortando al área de interés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="384"/>
        <source>{title}: band(s) {bands} not found in the product.</source>
        <translation>{title}: banda(s) {bands} no encontrada(s) en el producto.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="387"/>
        <source>{title}: band(s) {bands} do not overlap the area of interest.</source>
        <translation>{title}: la(s) banda(s) {bands} no se superpone(n) con el área de interés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="394"/>
        <source>nothing to cut.</source>
        <translation>nada que recortar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="401"/>
        <source>{n} of {total} product(s) delivered.</source>
        <translation>{n} de {total} producto(s) entregado(s).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="404"/>
        <source>Already downloaded, not downloaded again: {titles}.</source>
        <translation>Ya descargados, no se vuelven a descargar: {titles}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="407"/>
        <source>Offline, to be ordered (ORDER is off): {titles}.</source>
        <translation>Fuera de línea, por pedir (ORDER está desactivado): {titles}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="410"/>
        <source>Failed: {items}.</source>
        <translation>Fallidos: {items}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="418"/>
        <source>Every product found is offline and must be ordered: {titles}.</source>
        <translation>Todos los productos encontrados están fuera de línea y deben pedirse: {titles}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="418"/>
        <source>Turn on ordering (ORDER) to order them.</source>
        <translation>Active los pedidos (ORDER) para pedirlos.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="148"/>
        <source>({n} products)</source>
        <translation>({n} productos)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="300"/>
        <source>{label}: downloading {done} of {total} MiB</source>
        <translation>{label}: descargando {done} de {total} MiB</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="302"/>
        <source>{label}: downloading {done} MiB</source>
        <translation>{label}: descargando {done} MiB</translation>
    </message>
</context>
<context>
    <name>EodagTab</name>
    <message>
        <location filename="../ui/eodag_tab.ui" line="10"/>
        <source>Copy the install command</source>
        <translation>Copiar el comando de instalación</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="16"/>
        <source>eodag&apos;s providers (the list comes from eodag).</source>
        <translation>Proveedores de eodag (la lista procede de eodag).</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="18"/>
        <source>eodag product type, e.g. S2_MSI_L2A.</source>
        <translation>Tipo de producto de eodag, p. ej. S2_MSI_L2A.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="15"/>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="17"/>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="19"/>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="22"/>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="30"/>
        <source>Highest cloud cover; 100 % means no limit.</source>
        <translation>Cobertura de nubes máxima; 100 % significa sin límite.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="29"/>
        <source>Max. cloud</source>
        <translation>Nubes máx.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="33"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="41"/>
        <source>All products</source>
        <translation>Todos los productos</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="42"/>
        <source>Online only</source>
        <translation>Solo en línea</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="43"/>
        <source>Needing an order only</source>
        <translation>Solo los que requieren pedido</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="56"/>
        <source>Quicklook</source>
        <translation>Vista rápida</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="57"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="58"/>
        <source>Cloud %</source>
        <translation>Nubes %</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="59"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="60"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="66"/>
        <source>Bands to cut to the area after download, comma-separated (empty: keep the products only).</source>
        <translation>Bandas que recortar al área tras la descarga, separadas por comas (vacío: conservar solo los productos).</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="65"/>
        <source>Bands</source>
        <translation>Bandas</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="67"/>
        <source>Order offline products</source>
        <translation>Pedir los productos fuera de línea</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="72"/>
        <source>eodag default</source>
        <translation>predeterminado de eodag</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="71"/>
        <source>Minutes between download tries while an order is prepared.</source>
        <translation>Minutos entre intentos de descarga mientras se prepara un pedido.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="72"/>
        <source>Minutes before giving up on an order.</source>
        <translation>Minutos antes de abandonar un pedido.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="68"/>
        <source>Retry every / for</source>
        <translation>Reintentar cada / durante</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="75"/>
        <source>Extract archives</source>
        <translation>Extraer los archivos comprimidos</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="80"/>
        <source>Download selected</source>
        <translation>Descargar los seleccionados</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="81"/>
        <source>Download all</source>
        <translation>Descargar todos</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="141"/>
        <source>eodag is not installed in the Python QGIS uses.</source>
        <translation type="obsolete">eodag no está instalado en el Python que usa QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="197"/>
        <source>Reading eodag&apos;s providers</source>
        <translation>Leyendo los proveedores de eodag</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="197"/>
        <source>Reading eodag's providers…</source>
        <translation>Leyendo los proveedores de eodag…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="221"/>
        <source>{} providers from eodag.</source>
        <translation>{} proveedores de eodag.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="243"/>
        <source>Choose a collection.</source>
        <translation>Elija una colección.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="271"/>
        <source>eodag search on {}</source>
        <translation>Búsqueda de eodag en {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="276"/>
        <source>Searching {}…</source>
        <translation>Buscando en {}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="347"/>
        <source>{} products found, {} of them to be ordered.</source>
        <translation>{} productos encontrados, {} de ellos por pedir.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="364"/>
        <source>eodag quicklooks</source>
        <translation>Vistas rápidas de eodag</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="443"/>
        <source>No product to download.</source>
        <translation>No hay ningún producto que descargar.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="411"/>
        <source>eodag {provider} {collection} ({n} products)</source>
        <translation type="obsolete">eodag {provider} {collection} ({n} productos)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="467"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation>Trabajo '{}' enviado; sígalo en el panel Trabajos.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="469"/>
        <source>{} product(s) need an order and will be skipped: tick &apos;Order offline products&apos; to order them.</source>
        <translation>{} producto(s) requieren un pedido y se omitirán: marque 'Pedir los productos fuera de línea' para pedirlos.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="21"/>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="21"/>
        <source>Search a few products of the collection between the dates, then read the first byte of one with the credentials.</source>
        <translation>Buscar algunos productos de la colección entre las fechas y leer el primer byte de uno con las credenciales.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="289"/>
        <source>Testing the connection to {}</source>
        <translation>Probando la conexión con {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="294"/>
        <source>Testing the connection to {}…</source>
        <translation>Probando la conexión con {}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="143"/>
        <source>eodag is not installed in the Python QGIS uses. &apos;Install eodag&apos; installs version {version} for you; or install it by hand:</source>
        <translation>eodag no está instalado en el Python que usa QGIS. «Instalar eodag» instala la versión {version} por usted; o instálelo a mano:</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="164"/>
        <source>Installing eodag</source>
        <translation>Instalando eodag</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="167"/>
        <source>Installing eodag {version} with pip…</source>
        <translation>Instalando eodag {version} con pip…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="181"/>
        <source>This Python does not see it yet: restart QGIS to use it.</source>
        <translation>Este Python aún no lo ve: reinicie QGIS para usarlo.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="9"/>
        <source>Install eodag</source>
        <translation>Instalar eodag</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="9"/>
        <source>Install the tested eodag into your user site-packages of the Python QGIS runs (pip, in the background).</source>
        <translation>Instala el eodag probado en sus site-packages de usuario del Python que ejecuta QGIS (pip, en segundo plano).</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="34"/>
        <source>Clear footprints</source>
        <translation>Borrar huellas</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="34"/>
        <source>Remove the products&apos; outlines from the map.</source>
        <translation>Quitar los contornos de los productos del mapa.</translation>
    </message>
</context>
<context>
    <name>Eosda</name>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="144"/>
        <source>The view id is empty: pick a scene from the search results (for example S2/13/R/EL/2023/7/19/0).</source>
        <translation>El ID de vista está vacío: elija una escena de los resultados de la búsqueda (por ejemplo S2/13/R/EL/2023/7/19/0).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="148"/>
        <source>The view id &apos;{}&apos; does not start with a supported sensor ({}).</source>
        <translation>El ID de vista '{}' no empieza por un sensor admitido ({}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="148"/>
        <source>Use a view id returned by the EOSDA search, for example S2/13/R/EL/2023/7/19/0 or L8/LC80110312016028LGN00.</source>
        <translation>Use un ID de vista devuelto por la búsqueda de EOSDA, por ejemplo S2/13/R/EL/2023/7/19/0 o L8/LC80110312016028LGN00.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="160"/>
        <source>The view id &apos;{}&apos; is not a valid {} view id: expected {}.</source>
        <translation>El ID de vista '{}' no es un ID de vista {} válido: se esperaba {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="247"/>
        <source>No band is selected: give at least one band (for example B04,B03,B02).</source>
        <translation>No hay ninguna banda seleccionada: indique al menos una banda (por ejemplo B04,B03,B02).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="223"/>
        <source>Unknown band(s) for {}: {}. Available bands: {}.</source>
        <translation>Banda(s) desconocida(s) para {}: {}. Bandas disponibles: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="292"/>
        <source>The reference &apos;{}&apos; may only hold letters, digits and _ . : - (at most 128 characters).</source>
        <translation>La referencia '{}' solo puede contener letras, dígitos y _ . : - (128 caracteres como máximo).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="298"/>
        <source>The callback URL must be an http(s) URL, not &apos;{}&apos;.</source>
        <translation>La URL de devolución de llamada debe ser una URL http(s), no '{}'.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="307"/>
        <source>EOSDA accepts one Polygon per request; a {} was given.</source>
        <translation>EOSDA acepta un solo Polygon por solicitud; se ha dado un {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="490"/>
        <source>the task is marked &apos;{}&apos; but its answer holds no result file.</source>
        <translation>la tarea está marcada como '{}' pero su respuesta no contiene ningún archivo de resultado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="565"/>
        <source>EOSDA refused the API key: {}</source>
        <translation>EOSDA rechazó la clave de API: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="565"/>
        <source>Check the EOSDA API key in the plugin settings (QGIS authentication manager) or in EO_DOWNLOADER_EOSDA_API_KEY.</source>
        <translation>Compruebe la clave de API de EOSDA en la configuración del complemento (gestor de autenticación de QGIS) o en EO_DOWNLOADER_EOSDA_API_KEY.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="595"/>
        <source>EOSDA rejected the download request (HTTP {}): {}</source>
        <translation>EOSDA rechazó la solicitud de descarga (HTTP {}): {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="597"/>
        <source>EOSDA answered the download request with something other than JSON (HTTP {}).</source>
        <translation>EOSDA respondió a la solicitud de descarga con algo que no es JSON (HTTP {}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="604"/>
        <source>EOSDA did not create the task: {}</source>
        <translation>EOSDA no creó la tarea: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="635"/>
        <source>The EOSDA task {} no longer exists on the server (HTTP 404): {}</source>
        <translation>La tarea de EOSDA {} ya no existe en el servidor (HTTP 404): {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="635"/>
        <source>Tasks expire after their task_timeout; start the download again.</source>
        <translation>Las tareas caducan tras su task_timeout; vuelva a iniciar la descarga.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="643"/>
        <source>EOSDA could not report on task {} (HTTP {}): {}</source>
        <translation>EOSDA no pudo informar del estado de la tarea {} (HTTP {}): {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="664"/>
        <source>EOSDA answered task {} with unexpected content ({}): {}</source>
        <translation>EOSDA respondió sobre la tarea {} con un contenido inesperado ({}): {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="712"/>
        <source>The EOSDA task {} failed: {}</source>
        <translation>La tarea de EOSDA {} falló: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="721"/>
        <source>The EOSDA task {} did not finish within {:.0f} s (status &apos;{}&apos;).</source>
        <translation>La tarea de EOSDA {} no terminó en {:.0f} s (estado '{}').</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="712"/>
        <source>The server may be busy: try again later.</source>
        <translation type="obsolete">Puede que el servidor esté ocupado: vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="783"/>
        <source>The search limit must be a positive number.</source>
        <translation>El límite de búsqueda debe ser un número positivo.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="816"/>
        <source>The EOSDA search failed (HTTP {}): {}</source>
        <translation>La búsqueda de EOSDA falló (HTTP {}): {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="821"/>
        <source>The EOSDA search answered with something other than JSON.</source>
        <translation>La búsqueda de EOSDA respondió con algo que no es JSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="827"/>
        <source>The EOSDA search answer has no result list: {}</source>
        <translation>La respuesta de la búsqueda de EOSDA no tiene lista de resultados: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="868"/>
        <source>No EOSDA API key is set: enter it in the plugin settings (stored in the QGIS authentication manager) or set EO_DOWNLOADER_EOSDA_API_KEY.</source>
        <translation>No se ha definido ninguna clave de API de EOSDA: introdúzcala en la configuración del complemento (se guarda en el gestor de autenticación de QGIS) o defina EO_DOWNLOADER_EOSDA_API_KEY.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="943"/>
        <source>Unknown EOSDA dataset &apos;{}&apos;; use one of: {}.</source>
        <translation>Conjunto de datos de EOSDA desconocido '{}'; use uno de: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="957"/>
        <source>The {} date &apos;{}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>La fecha de {} '{}' no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="962"/>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="963"/>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="965"/>
        <source>The dates are reversed: the start {} is after the end {}.</source>
        <translation>Las fechas están invertidas: el inicio {} es posterior al fin {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="974"/>
        <source>The cloud cover limit must be a number from 0 to 100.</source>
        <translation>El límite de cobertura de nubes debe ser un número de 0 a 100.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="977"/>
        <source>The cloud cover limit must be from 0 to 100, not {}.</source>
        <translation>El límite de cobertura de nubes debe estar entre 0 y 100, no {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="986"/>
        <source>The search area must be a GeoJSON polygon.</source>
        <translation>El área de búsqueda debe ser un polígono GeoJSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="991"/>
        <source>The search area must be a GeoJSON Polygon, not {}.</source>
        <translation>El área de búsqueda debe ser un Polygon GeoJSON, no {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="87"/>
        <source>The job has no area of interest.</source>
        <translation>El trabajo no tiene área de interés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="194"/>
        <source>Creating EOSDA task {} of {}...</source>
        <translation>Creando la tarea de EOSDA {} de {}...</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="204"/>
        <source>{} EOSDA task(s) submitted.</source>
        <translation>{} tarea(s) de EOSDA enviada(s).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="208"/>
        <source>Waiting for EOSDA...</source>
        <translation>Esperando a EOSDA...</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="229"/>
        <source>EOSDA task {} of {}</source>
        <translation>Tarea de EOSDA {} de {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="230"/>
        <source>EOSDA task</source>
        <translation>Tarea de EOSDA</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="231"/>
        <source>{}: waiting for the server.</source>
        <translation>{}: esperando al servidor.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="235"/>
        <source>{}: {} ({:.0f} s)</source>
        <translation>{}: {} ({:.0f} s)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="240"/>
        <source>{}: downloading the result.</source>
        <translation>{}: descargando el resultado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="217"/>
        <source>{}: downloading ({:.1f} MB)</source>
        <translation type="obsolete">{}: descargando ({:.1f} MB)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="256"/>
        <source>{}: done.</source>
        <translation>{}: hecho.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="721"/>
        <source>The server may be busy: try again later (a retry of the job polls the same task again).</source>
        <translation>Puede que el servidor esté ocupado: inténtelo más tarde (reintentar el trabajo vuelve a consultar la misma tarea).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="246"/>
        <source>{}: downloading ({})</source>
        <translation>{}: descargando ({})</translation>
    </message>
</context>
<context>
    <name>EosdaTab</name>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="58"/>
        <source>Search scenes over the area.</source>
        <translation>Buscar escenas sobre el área.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="60"/>
        <source>Search and choose a scene, or enter a view id.</source>
        <translation>Busque y elija una escena, o introduzca un ID de vista.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="62"/>
        <source>Enter at least one band.</source>
        <translation>Introduzca al menos una banda.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="64"/>
        <source>Create the download task as a background job.</source>
        <translation>Crear la tarea de descarga como trabajo en segundo plano.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="78"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation type="obsolete">Trabajo '{}' enviado; sígalo en el panel Trabajos.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="99"/>
        <source>EOSDA scene search</source>
        <translation>Búsqueda de escenas de EOSDA</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="107"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="126"/>
        <source>{} scenes found.</source>
        <translation>{} escenas encontradas.</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="6"/>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="8"/>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="15"/>
        <source>Max. cloud (%)</source>
        <translation>Nubes máx. (%)</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="19"/>
        <source>Search scenes</source>
        <translation>Buscar escenas</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="29"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="30"/>
        <source>Cloud %</source>
        <translation>Nubes %</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="34"/>
        <source>View id</source>
        <translation>ID de vista</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="36"/>
        <source>Bands</source>
        <translation>Bandas</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="38"/>
        <source>Merge bands of the same resolution</source>
        <translation>Combinar las bandas de la misma resolución</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="39"/>
        <source>Download from EOSDA</source>
        <translation>Descargar de EOSDA</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="20"/>
        <source>Clear footprints</source>
        <translation>Borrar huellas</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="20"/>
        <source>Remove the scenes&apos; outlines from the map.</source>
        <translation>Quitar los contornos de las escenas del mapa.</translation>
    </message>
</context>
<context>
    <name>Http</name>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1055"/>
        <source>the server sent an HTML page: {}</source>
        <translation>el servidor envió una página HTML: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1089"/>
        <source>Check your credentials (API key or sign-in); they were refused.</source>
        <translation>Compruebe sus credenciales (clave de API o inicio de sesión); se han rechazado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1091"/>
        <source>The account is not allowed to do this, or a quota is exhausted.</source>
        <translation>La cuenta no tiene permiso para hacer esto, o se ha agotado una cuota.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1093"/>
        <source>The item does not exist (any more), or the address is wrong.</source>
        <translation>El elemento no existe (o ya no existe), o la dirección es incorrecta.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1095"/>
        <source>The service is limiting the request rate; try again later.</source>
        <translation>El servicio está limitando la frecuencia de solicitudes; vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1097"/>
        <source>The service has a problem; try again later.</source>
        <translation>El servicio tiene un problema; vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1106"/>
        <source>{method} {url} failed with HTTP {status} {reason}: {message}</source>
        <translation>{method} {url} falló con HTTP {status} {reason}: {message}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1106"/>
        <source>(no message)</source>
        <translation>(sin mensaje)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1234"/>
        <source>(gave up after {} attempts)</source>
        <translation>(abandonado tras {} intentos)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1112"/>
        <source>(the service asked to wait {:.0f} s before retrying)</source>
        <translation>(el servicio pidió esperar {:.0f} s antes de reintentar)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1232"/>
        <source>{method} {url} failed: {error}</source>
        <translation>{method} {url} falló: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1235"/>
        <source>Check the network connection and proxy settings.</source>
        <translation>Compruebe la conexión de red y la configuración del proxy.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1144"/>
        <source>connection timed out</source>
        <translation>se agotó el tiempo de conexión</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1147"/>
        <source>the server stopped answering (read timed out)</source>
        <translation>el servidor dejó de responder (se agotó el tiempo de lectura)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1149"/>
        <source>TLS/SSL error: {}</source>
        <translation>error de TLS/SSL: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1153"/>
        <source>connection refused</source>
        <translation>conexión rechazada</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1155"/>
        <source>the host name could not be resolved</source>
        <translation>no se pudo resolver el nombre del host</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1156"/>
        <source>connection error: {}</source>
        <translation>error de conexión: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1304"/>
        <source>{method} {url} did not return JSON: {message}</source>
        <translation>{method} {url} no devolvió JSON: {message}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="466"/>
        <source>the server sent {got} bytes in {seconds:.0f} s, slower than the minimum of {rate} bytes/s</source>
        <translation>el servidor envió {got} bytes en {seconds:.0f} s, menos que el mínimo de {rate} bytes/s</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="479"/>
        <source>The answer of {url} is too large: {size} bytes announced, the limit is {limit} bytes.</source>
        <translation>La respuesta de {url} es demasiado grande: {size} bytes anunciados, el límite es de {limit} bytes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="482"/>
        <source>The answer of {url} is too large: more than {size} bytes without an announced size, the limit is {limit} bytes.</source>
        <translation>La respuesta de {url} es demasiado grande: más de {size} bytes sin tamaño anunciado, el límite es de {limit} bytes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="485"/>
        <source>The service sent far more than such an answer holds; check the service address in the settings.</source>
        <translation>El servicio envió mucho más de lo que contiene una respuesta así; compruebe la dirección del servicio en la configuración.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="614"/>
        <source>{method} {url} redirected to an address that is not http(s): {target}</source>
        <translation>{method} {url} redirigió a una dirección que no es http(s): {target}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="624"/>
        <source>{method} {url}: the server redirected from {origin} to {target}, which is not encrypted (http). The request carries credentials, so the redirect was not followed.</source>
        <translation>{method} {url}: el servidor redirigió de {origin} a {target}, que no está cifrado (http). La solicitud lleva credenciales, así que no se siguió la redirección.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="631"/>
        <source>Check the service address in the settings, and the proxy.</source>
        <translation>Compruebe la dirección del servicio en la configuración, y el proxy.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="631"/>
        <source>{method} {url}: the server redirected to another host ({target}) and asked for the request to be sent again there. The request carries credentials, so it was not sent.</source>
        <translation>{method} {url}: el servidor redirigió a otro host ({target}) y pidió volver a enviar allí la solicitud. La solicitud lleva credenciales, así que no se envió.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="736"/>
        <source>{method} {url} was redirected more than {n} times; stopped.</source>
        <translation>{method} {url} fue redirigido más de {n} veces; detenido.</translation>
    </message>
</context>
<context>
    <name>JobNotices</name>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="46"/>
        <source>&apos;{}&apos; is done.</source>
        <translation>«{}» ha terminado.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="49"/>
        <source>&apos;{}&apos; failed: {}</source>
        <translation>«{}» ha fallado: {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="51"/>
        <source>EO Downloader</source>
        <translation>EO Downloader</translation>
    </message>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="53"/>
        <source>Add to map</source>
        <translation>Añadir al mapa</translation>
    </message>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="57"/>
        <source>Open folder</source>
        <translation>Abrir la carpeta</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <location filename="../plugin/core/jobs.py" line="44"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="45"/>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="46"/>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="47"/>
        <source>Downloading</source>
        <translation>Descargando</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="48"/>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="49"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="50"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="58"/>
        <source>Retrying (attempt {} of {})</source>
        <translation>Reintentando (intento {} de {})</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="824"/>
        <source>Cancelled by the user.</source>
        <translation>Cancelado por el usuario.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="154"/>
        <source>Job &apos;{}&apos; failed: {}</source>
        <translation>El trabajo '{}' falló: {}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="209"/>
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="251"/>
        <source>Resuming job &apos;{}&apos; ({}).</source>
        <translation>Reanudando el trabajo '{}' ({}).</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="186"/>
        <source>Cancelling &apos;{}&apos; on the server</source>
        <translation>Cancelando '{}' en el servidor</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="48"/>
        <source>Could not save the job list to {}: {}</source>
        <translation>No se pudo guardar la lista de trabajos en {}: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/runner.py" line="86"/>
        <source>No output folder is set.</source>
        <translation>No se ha definido ninguna carpeta de salida.</translation>
    </message>
    <message>
        <location filename="../plugin/core/output.py" line="57"/>
        <source>Too many jobs of the same name in &apos;{}&apos; at the same second.</source>
        <translation>Demasiados trabajos con el mismo nombre en «{}» en el mismo segundo.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="124"/>
        <source>Did not remove {}: it is not inside the output folder {} of the job &apos;{}&apos;.</source>
        <translation>No se eliminó {}: no está dentro de la carpeta de salida {} del trabajo «{}».</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="328"/>
        <source>The job list {} could not be read: {}</source>
        <translation>No se pudo leer la lista de trabajos {}: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="431"/>
        <source>The job list {} was damaged: {} entries could not be read and were left out; the file as it was is kept in {}.</source>
        <translation>La lista de trabajos {} estaba dañada: {} entradas no se pudieron leer y se dejaron de lado; el archivo tal como estaba se conserva en {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="435"/>
        <source>The job list {} was damaged: {} entries could not be read and were left out; no copy of it could be kept.</source>
        <translation>La lista de trabajos {} estaba dañada: {} entradas no se pudieron leer y se dejaron de lado; no se pudo conservar ninguna copia.</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../ui/jobs_panel.ui" line="5"/>
        <source>EO Downloader jobs</source>
        <translation>Trabajos de EO Downloader</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="10"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="11"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="12"/>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="13"/>
        <source>Add to map</source>
        <translation>Añadir al mapa</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="14"/>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="15"/>
        <source>Clear finished</source>
        <translation>Borrar terminados</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="15"/>
        <source>Remove every finished job from the list (their files stay on disk)</source>
        <translation>Quitar de la lista todos los trabajos terminados (sus archivos se quedan en el disco)</translation>
    </message>
</context>
<context>
    <name>JobsPanelWidget</name>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="24"/>
        <source>EO Downloader jobs</source>
        <translation>Trabajos de EO Downloader</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>Job</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="156"/>
        <source>Select a job to see its details.</source>
        <translation>Seleccione un trabajo para ver sus detalles.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="166"/>
        <source>Clear finished jobs</source>
        <translation>Borrar los trabajos terminados</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="166"/>
        <source>Remove {} finished job(s) from the list? Their files stay on disk.</source>
        <translation>¿Quitar {} trabajo(s) terminado(s) de la lista? Sus archivos se quedan en el disco.</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <location filename="../plugin/adapters/layers.py" line="93"/>
        <source>Downloaded by EO Downloader from {provider}.
Source: {source}
Bands: {bands}
Acquired: {date}
Job: {job}</source>
        <translation>Descargado por EO Downloader de {provider}.
Fuente: {source}
Bandas: {bands}
Adquisición: {date}
Trabajo: {job}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/layers.py" line="330"/>
        <source>{} (tiles)</source>
        <translation>{} (teselas)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/layers.py" line="214"/>
        <source>{name} (preview)</source>
        <translation>{name} (vista previa)</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../plugin/core/names.py" line="40"/>
        <source>The name &quot;{}&quot; cannot be used as a file name: {}.</source>
        <translation>El nombre «{}» no se puede usar como nombre de archivo: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="40"/>
        <source>Use letters, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;; at most {} bytes (UTF-8: accented letters take 2, most Asian characters 3).</source>
        <translation>Use letras, cifras, «-», «_» y «.»; como máximo {} bytes (UTF-8: una letra acentuada ocupa 2, la mayoría de los caracteres asiáticos 3).</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="50"/>
        <source>it takes {} bytes, more than the {} allowed</source>
        <translation>ocupa {} bytes, más que los {} permitidos</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="52"/>
        <source>it holds a control character</source>
        <translation>contiene un carácter de control</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="54"/>
        <source>it holds a path separator (/ or \)</source>
        <translation>contiene un separador de ruta (/ o \)</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="56"/>
        <source>it is . or ..</source>
        <translation>es . o ..</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="59"/>
        <source>it holds {} (not allowed in Windows file names)</source>
        <translation>contiene {} (no permitido en nombres de archivo de Windows)</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="61"/>
        <source>{} is a reserved device name on Windows</source>
        <translation>{} es un nombre de dispositivo reservado en Windows</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="63"/>
        <source>it ends with a dot or a space</source>
        <translation>termina en un punto o un espacio</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <location filename="../plugin/adapters/network.py" line="71"/>
        <source>TLS certificate verification is turned off in the EO Downloader settings: connections can be intercepted.</source>
        <translation>La verificación de certificados TLS está desactivada en la configuración de EO Downloader: las conexiones pueden ser interceptadas.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/network.py" line="54"/>
        <source>Could not write the certificate bundle in {folder} ({error}): certificate authorities added to QGIS are not trusted for downloads.</source>
        <translation>No se pudo escribir el paquete de certificados en {folder} ({error}): las autoridades de certificación añadidas a QGIS no se reconocen para las descargas.</translation>
    </message>
</context>
<context>
    <name>Processing</name>
    <message>
        <location filename="../plugin/processing/base.py" line="54"/>
        <source>Area of interest (polygon layer; &apos;selected features only&apos; honoured)</source>
        <translation>Área de interés (capa de polígonos; se respeta 'solo objetos seleccionados')</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="57"/>
        <source>Area of interest as an extent (instead of a layer)</source>
        <translation>Área de interés como extensión (en lugar de una capa)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="69"/>
        <source>Authentication configuration (empty: the plugin settings, or the environment in headless runs)</source>
        <translation>Configuración de autenticación (vacío: la configuración del complemento, o el entorno en las ejecuciones sin interfaz)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="78"/>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="76"/>
        <source>Downloaded files</source>
        <translation>Archivos descargados</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="85"/>
        <source>Give either AOI or EXTENT, not both.</source>
        <translation>Indique AOI o EXTENT, no ambos.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="97"/>
        <source>Give an area of interest: a polygon layer (AOI) or an extent (EXTENT).</source>
        <translation>Indique un área de interés: una capa de polígonos (AOI) o una extensión (EXTENT).</translation>
    </message>
    <message>
        <location filename="../plugin/core/runner.py" line="231"/>
        <source>The output folder &apos;{}&apos; cannot be created: {}</source>
        <translation>No se puede crear la carpeta de salida '{}': {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/runner.py" line="234"/>
        <source>The output folder &apos;{}&apos; is not writable.</source>
        <translation>La carpeta de salida '{}' no tiene permiso de escritura.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="27"/>
        <source>Earth Engine download (cropped to an area)</source>
        <translation>Descarga de Earth Engine (recortada a un área)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="106"/>
        <source>Image asset id</source>
        <translation>ID de recurso de la imagen</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="128"/>
        <source>Bands (comma-separated)</source>
        <translation>Bandas (separadas por comas)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="64"/>
        <source>Per-band options (JSON list)</source>
        <translation>Opciones por banda (lista JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="111"/>
        <source>Scale (metres per pixel)</source>
        <translation>Escala (metros por píxel)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="114"/>
        <source>Output CRS</source>
        <translation>SRC de salida</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="115"/>
        <source>CRS transform (6 numbers)</source>
        <translation>Transformación del SRC (6 números)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="118"/>
        <source>Dimensions (WIDTHxHEIGHT)</source>
        <translation>Dimensiones (ANCHOxALTO)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="77"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="80"/>
        <source>One file per band</source>
        <translation>Un archivo por banda</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="83"/>
        <source>File base name</source>
        <translation>Nombre base de los archivos</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="60"/>
        <source>Google Cloud project</source>
        <translation>Proyecto de Google Cloud</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="29"/>
        <source>EOSDA scene search</source>
        <translation>Búsqueda de escenas de EOSDA</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="32"/>
        <source>Searches EOSDA&apos;s catalogue (Search API) for scenes over an area of interest and writes their footprints with date, cloud cover and view id, to choose a VIEW_ID for &apos;EOSDA download&apos;.

AOI / EXTENT: the area (give one). DATASET: the collection (e.g. sentinel2, landsat8).
DATE_FROM / DATE_TO: YYYY-MM-DD; at most a year apart is recommended.
CLOUD_MAX: highest cloud cover in percent. LIMIT: most scenes returned.
AUTHCFG: QGIS authentication configuration holding the EOSDA API key.
OUTPUT: the footprint layer.</source>
        <translation>Busca en el catálogo de EOSDA (Search API) escenas sobre un área de interés y escribe sus huellas con la fecha, la cobertura de nubes y el ID de vista, para elegir un VIEW_ID para 'Descarga de EOSDA'.

AOI / EXTENT: el área (indique una de las dos). DATASET: la colección (p. ej. sentinel2, landsat8).
DATE_FROM / DATE_TO: AAAA-MM-DD; se recomienda como máximo un año de diferencia.
CLOUD_MAX: cobertura de nubes máxima en porcentaje. LIMIT: número máximo de escenas devueltas.
AUTHCFG: configuración de autenticación de QGIS que contiene la clave de API de EOSDA.
OUTPUT: la capa de huellas.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="43"/>
        <source>Dataset</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="76"/>
        <source>From date (YYYY-MM-DD)</source>
        <translation>Fecha de inicio (AAAA-MM-DD)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="79"/>
        <source>To date (YYYY-MM-DD)</source>
        <translation>Fecha de fin (AAAA-MM-DD)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="81"/>
        <source>Maximum cloud cover (%)</source>
        <translation>Cobertura de nubes máxima (%)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="53"/>
        <source>Maximum number of scenes</source>
        <translation>Número máximo de escenas</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="90"/>
        <source>Authentication configuration</source>
        <translation>Configuración de autenticación</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="60"/>
        <source>Scene footprints</source>
        <translation>Huellas de las escenas</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="91"/>
        <source>{} scenes found.</source>
        <translation>{} escenas encontradas.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="107"/>
        <source>EOSDA download (load by extent)</source>
        <translation>Descarga de EOSDA (carga por extensión)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="120"/>
        <source>Creates EOSDA Download API &apos;lbe&apos; (load by extent) tasks for the area of interest, waits for them and loads the results (JP2 for one Sentinel-2 band, GeoTIFF for one band or merged bands of one resolution, otherwise a zip that is extracted). Several polygons become one task each.

AOI / EXTENT: the area (give one). VIEW_ID: the scene, as the search returns it, e.g. S2/13/R/EL/2023/7/19/0.
BANDS: comma-separated, e.g. B04,B03,B02.
MERGE: merge bands of the same resolution into one file (default yes).
METADATA: optional comma-separated metadata files to include.
REFERENCE: your unique id for the request (empty: generated).
CALLBACK_URL: optional URL the server calls when the task is done.
AUTHCFG: QGIS authentication configuration holding the EOSDA API key.
OUTPUT_DIR: where the files are written.</source>
        <translation type="obsolete">Crea tareas 'lbe' (load by extent, carga por extensión) de la Download API de EOSDA para el área de interés, espera a que terminen y carga los resultados (JP2 para una banda de Sentinel-2, GeoTIFF para una banda o bandas combinadas de una misma resolución; si no, un zip que se extrae). Cada polígono se convierte en una tarea.

AOI / EXTENT: el área (indique una de las dos). VIEW_ID: la escena, tal como la devuelve la búsqueda, p. ej. S2/13/R/EL/2023/7/19/0.
BANDS: separadas por comas, p. ej. B04,B03,B02.
MERGE: combinar las bandas de la misma resolución en un solo archivo (sí por defecto).
METADATA: archivos de metadatos opcionales que incluir, separados por comas.
REFERENCE: su identificador único para la solicitud (vacío: se genera).
CALLBACK_URL: URL opcional a la que llama el servidor cuando la tarea termina.
AUTHCFG: configuración de autenticación de QGIS que contiene la clave de API de EOSDA.
OUTPUT_DIR: dónde se escriben los archivos.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="127"/>
        <source>View id</source>
        <translation>ID de vista</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="130"/>
        <source>Merge bands of the same resolution</source>
        <translation>Combinar las bandas de la misma resolución</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="133"/>
        <source>Metadata files (comma-separated)</source>
        <translation>Archivos de metadatos (separados por comas)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="136"/>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="138"/>
        <source>Callback URL</source>
        <translation>URL de devolución de llamada</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="49"/>
        <source>Earth Engine export (batch, to Cloud Storage, Drive or an asset)</source>
        <translation>Exportación de Earth Engine (por lotes, a Cloud Storage, Drive o un recurso)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="51"/>
        <source>Starts an Earth Engine batch export of an image (as Export.image.toCloudStorage / toDrive / toAsset do), follows it to the end and brings the result back: the GeoTIFF files are downloaded from Cloud Storage or Drive (files of a split export are joined into one VRT) and loaded; an asset is added as an Earth Engine tile layer, and can also be downloaded as a GeoTIFF. Exports have no size limit besides MAX_PIXELS, unlike direct downloads. The export is started once per job: a retry, or QGIS restarting, follows the same export instead of starting another one. Cancelling cancels the export on Earth Engine.

AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one (or an exact grid: CRS, CRS_TRANSFORM and WIDTHxHEIGHT DIMENSIONS).
IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.
BANDS: comma-separated band names, e.g. B4,B3,B2 (empty: all bands; they must share a data type).
SCALE: pixel size in metres (empty: the image&apos;s native scale).
CRS: output CRS (empty: the image&apos;s). CRS_TRANSFORM: six numbers xScale, xShearing, xTranslation, yShearing, yScale, yTranslation (needs CRS).
DIMENSIONS: WIDTHxHEIGHT in pixels, or one number for the longest side (not with SCALE).
DESCRIPTION: the task name shown by Earth Engine (default myExportImageTask); also the default file name prefix.
DESTINATION: Cloud Storage, Drive or Asset.
BUCKET: the Cloud Storage bucket (Cloud Storage). FOLDER: the Drive folder name (Drive; empty: the Drive root). PREFIX: the file name prefix, e.g. exports/my_area (Cloud Storage, Drive; default the description).
ASSET_ID: the asset to create (Asset): projects/&lt;project&gt;/assets/&lt;name&gt;, users/&lt;user&gt;/&lt;name&gt;, or a name put in PROJECT.
MAX_PIXELS: the most pixels the export may have (empty: Earth Engine&apos;s default, 1e8). If the export fails as too large, the message says what to set.
PRIORITY: 0 to 9999, higher runs sooner (empty: 100).
FILE_DIMENSIONS: the largest file in pixels, WIDTHxHEIGHT or one number, multiples of 256; larger exports are split into several files (joined into a VRT here).
CLOUD_OPTIMIZED: write Cloud-Optimized GeoTIFFs. NO_DATA: the value written in masked pixels (and marked as no-data). SKIP_EMPTY: do not write files that would hold no valid pixel.
PYRAMIDING_POLICY: how the asset&apos;s lower resolutions are computed (Asset): MEAN (default), SAMPLE, MIN, MAX or MODE. PYRAMIDING_OVERRIDES: per band, as JSON, e.g. {&quot;SCL&quot;: &quot;MODE&quot;}.
VIS_PARAMS: how the asset&apos;s tile layer is drawn, as JSON, e.g. {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000} (empty: Earth Engine&apos;s default).
WORKLOAD_TAG: a label for the computation in your Cloud project&apos;s usage reports (lowercase letters, digits, - and _).
WAIT: follow the export to its end (default). Unticked, the algorithm returns once Earth Engine has accepted the export; the job stays in the Jobs panel, where Retry (or the next QGIS start) follows it and fetches the result.
DOWNLOAD: also download the new asset as a GeoTIFF of the area (Asset).
PROJECT: your Google Cloud project registered for Earth Engine (empty: the plugin settings).
AUTHCFG: QGIS authentication configuration with your Earth Engine credentials; reading from Cloud Storage or Drive needs their scopes too. The tile layer uses it to authorize its requests.
OUTPUT_DIR: where the files are written.

Outputs: OUTPUT_FILES (the files, and the tile layer of an asset), OUTPUT_FOLDER, OPERATION (the Earth Engine operation name, e.g. projects/&lt;project&gt;/operations/&lt;id&gt;) and TILE_LAYER (the XYZ layer source of an asset, or empty).</source>
        <translation type="obsolete">Inicia una exportación por lotes de Earth Engine de una imagen (como hacen Export.image.toCloudStorage / toDrive / toAsset), la sigue hasta el final y trae el resultado: los archivos GeoTIFF se descargan de Cloud Storage o Drive (los archivos de una exportación dividida se unen en un solo VRT) y se cargan; un recurso se añade como capa de teselas de Earth Engine, y también se puede descargar como GeoTIFF. A diferencia de las descargas directas, las exportaciones no tienen más límite de tamaño que MAX_PIXELS. La exportación se inicia una sola vez por trabajo: un reintento, o un reinicio de QGIS, sigue la misma exportación en lugar de iniciar otra. Cancelar cancela la exportación en Earth Engine.

AOI / EXTENT: el área, una capa de polígonos (solo los objetos seleccionados si está marcado) o una extensión; indique una de las dos (o una cuadrícula exacta: CRS, CRS_TRANSFORM y DIMENSIONS ANCHOxALTO).
IMAGE: el ID del recurso, p. ej. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.
BANDS: nombres de bandas separados por comas, p. ej. B4,B3,B2 (vacío: todas las bandas; deben compartir un tipo de datos).
SCALE: tamaño de píxel en metros (vacío: la escala nativa de la imagen).
CRS: SRC de salida (vacío: el de la imagen). CRS_TRANSFORM: seis números xScale, xShearing, xTranslation, yShearing, yScale, yTranslation (necesita CRS).
DIMENSIONS: ANCHOxALTO en píxeles, o un solo número para el lado más largo (no junto con SCALE).
DESCRIPTION: el nombre de la tarea que muestra Earth Engine (por defecto myExportImageTask); también es el prefijo de nombre de archivo predeterminado.
DESTINATION: Cloud Storage, Drive o Asset.
BUCKET: el bucket de Cloud Storage (Cloud Storage). FOLDER: el nombre de la carpeta de Drive (Drive; vacío: la raíz de Drive). PREFIX: el prefijo de los nombres de archivo, p. ej. exports/my_area (Cloud Storage, Drive; por defecto la descripción).
ASSET_ID: el recurso que crear (Asset): projects/&lt;project&gt;/assets/&lt;name&gt;, users/&lt;user&gt;/&lt;name&gt;, o un nombre colocado en PROJECT.
MAX_PIXELS: el número máximo de píxeles de la exportación (vacío: el valor predeterminado de Earth Engine, 1e8). Si la exportación falla por ser demasiado grande, el mensaje indica qué ajustar.
PRIORITY: de 0 a 9999, cuanto más alta antes se ejecuta (vacío: 100).
FILE_DIMENSIONS: el archivo más grande en píxeles, ANCHOxALTO o un solo número, múltiplos de 256; las exportaciones mayores se dividen en varios archivos (que aquí se unen en un VRT).
CLOUD_OPTIMIZED: escribir Cloud-Optimized GeoTIFF. NO_DATA: el valor escrito en los píxeles enmascarados (y marcado como NoData). SKIP_EMPTY: no escribir archivos que no contendrían ningún píxel válido.
PYRAMIDING_POLICY: cómo se calculan las resoluciones inferiores del recurso (Asset): MEAN (predeterminado), SAMPLE, MIN, MAX o MODE. PYRAMIDING_OVERRIDES: por banda, en JSON, p. ej. {&quot;SCL&quot;: &quot;MODE&quot;}.
VIS_PARAMS: cómo se dibuja la capa de teselas del recurso, en JSON, p. ej. {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000} (vacío: el valor predeterminado de Earth Engine).
WORKLOAD_TAG: una etiqueta para el cálculo en los informes de uso de su proyecto de Cloud (letras minúsculas, dígitos, - y _).
WAIT: seguir la exportación hasta el final (predeterminado). Si no está marcado, el algoritmo termina en cuanto Earth Engine acepta la exportación; el trabajo queda en el panel Trabajos, donde Reintentar (o el siguiente inicio de QGIS) lo sigue y obtiene el resultado.
DOWNLOAD: descargar también el nuevo recurso como GeoTIFF del área (Asset).
PROJECT: su proyecto de Google Cloud registrado para Earth Engine (vacío: la configuración del complemento).
AUTHCFG: configuración de autenticación de QGIS con sus credenciales de Earth Engine; leer desde Cloud Storage o Drive también necesita sus alcances. La capa de teselas la usa para autorizar sus solicitudes.
OUTPUT_DIR: dónde se escriben los archivos.

Salidas: OUTPUT_FILES (los archivos, y la capa de teselas de un recurso), OUTPUT_FOLDER, OPERATION (el nombre de la operación de Earth Engine, p. ej. projects/&lt;project&gt;/operations/&lt;id&gt;) y TILE_LAYER (la fuente de la capa XYZ de un recurso, o vacío).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="121"/>
        <source>Task description</source>
        <translation>Descripción de la tarea</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="123"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="123"/>
        <source>Cloud Storage</source>
        <translation>Cloud Storage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="123"/>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="123"/>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="127"/>
        <source>Cloud Storage bucket</source>
        <translation>Bucket de Cloud Storage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="129"/>
        <source>Drive folder</source>
        <translation>Carpeta de Drive</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="131"/>
        <source>File name prefix</source>
        <translation>Prefijo de los nombres de archivo</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="133"/>
        <source>Asset id to create</source>
        <translation>ID del recurso que crear</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="136"/>
        <source>Maximum number of pixels</source>
        <translation>Número máximo de píxeles</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="138"/>
        <source>Priority (0-9999)</source>
        <translation>Prioridad (0-9999)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="141"/>
        <source>File dimensions (pixels)</source>
        <translation>Dimensiones de los archivos (píxeles)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="143"/>
        <source>Cloud-Optimized GeoTIFF</source>
        <translation>Cloud-Optimized GeoTIFF</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="145"/>
        <source>No-data value</source>
        <translation>Valor NoData</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="147"/>
        <source>Skip empty files</source>
        <translation>Omitir los archivos vacíos</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="149"/>
        <source>Pyramiding policy (asset)</source>
        <translation>Política de pirámides (recurso)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="149"/>
        <source>Default (mean)</source>
        <translation>Predeterminada (media)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="152"/>
        <source>Pyramiding policy per band (JSON)</source>
        <translation>Política de pirámides por banda (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="155"/>
        <source>Tile layer visualization (JSON)</source>
        <translation>Visualización de la capa de teselas (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="158"/>
        <source>Workload tag</source>
        <translation>Etiqueta de carga de trabajo</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="163"/>
        <source>Wait for the export and fetch the result</source>
        <translation>Esperar a la exportación y obtener el resultado</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="166"/>
        <source>Also download the asset as GeoTIFF</source>
        <translation>Descargar también el recurso como GeoTIFF</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="173"/>
        <source>Earth Engine operation</source>
        <translation>Operación de Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="174"/>
        <source>Tile layer (XYZ source)</source>
        <translation>Capa de teselas (fuente XYZ)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="221"/>
        <source>EE export {}</source>
        <translation>Exportación EE {}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="32"/>
        <source>eodag must be installed in QGIS&apos;s Python; the plugin is tested with this command:</source>
        <translation>eodag debe estar instalado en el Python de QGIS; el complemento se prueba con este comando:</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="61"/>
        <source>eodag provider (empty: eodag&apos;s preferred one)</source>
        <translation>Proveedor de eodag (vacío: el preferido de eodag)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="64"/>
        <source>Collection (eodag product type)</source>
        <translation>Colección (tipo de producto de eodag)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="90"/>
        <source>To date (YYYY-MM-DD), included</source>
        <translation>Fecha de fin (AAAA-MM-DD), incluida</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="97"/>
        <source>eodag product search</source>
        <translation>Búsqueda de productos de eodag</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="100"/>
        <source>Searches a provider of eodag (Copernicus Data Space, Earth Search, PEPS, WEkEO, ... the list comes from eodag) for products over an area of interest and writes their footprints with id, title, date, cloud cover, order status and quicklook URL, to choose PRODUCT_IDS for &apos;eodag download&apos;.

AOI / EXTENT: the area (give one).
PROVIDER: an eodag provider name, e.g. cop_dataspace, earth_search, peps (empty: eodag&apos;s preferred provider).
COLLECTION: an eodag product type, e.g. S2_MSI_L2A, S2_MSI_L1C, LANDSAT_C2L2.
DATE_FROM / DATE_TO: YYYY-MM-DD, both included.
CLOUD_MAX: highest cloud cover in percent (100: no limit).
LIMIT: most products returned.
AUTHCFG: QGIS authentication configuration with the provider&apos;s credentials (Basic: username and password; or an API key), handed to eodag in memory only.
OUTPUT: the footprint layer; order_status is &apos;online&apos;, &apos;orderable&apos; (must be ordered before download) or &apos;ordered&apos;.</source>
        <translation>Busca en un proveedor de eodag (Copernicus Data Space, Earth Search, PEPS, WEkEO, ... la lista procede de eodag) productos sobre un área de interés y escribe sus huellas con el id, el título, la fecha, la cobertura de nubes, el estado del pedido y la URL de la vista rápida (quicklook), para elegir los PRODUCT_IDS de 'Descarga de eodag'.

AOI / EXTENT: el área (indique una de las dos).
PROVIDER: un nombre de proveedor de eodag, p. ej. cop_dataspace, earth_search, peps (vacío: el proveedor preferido de eodag).
COLLECTION: un tipo de producto de eodag, p. ej. S2_MSI_L2A, S2_MSI_L1C, LANDSAT_C2L2.
DATE_FROM / DATE_TO: AAAA-MM-DD, ambas incluidas.
CLOUD_MAX: cobertura de nubes máxima en porcentaje (100: sin límite).
LIMIT: número máximo de productos devueltos.
AUTHCFG: configuración de autenticación de QGIS con las credenciales del proveedor (Basic: nombre de usuario y contraseña; o una clave de API), que se pasan a eodag solo en memoria.
OUTPUT: la capa de huellas; order_status es 'online', 'orderable' (debe pedirse antes de la descarga) u 'ordered'.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="119"/>
        <source>Maximum number of products</source>
        <translation>Número máximo de productos</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="124"/>
        <source>Product footprints</source>
        <translation>Huellas de los productos</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="152"/>
        <source>{} products found ({} to be ordered).</source>
        <translation>{} productos encontrados ({} por pedir).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="171"/>
        <source>eodag download (cut to an area)</source>
        <translation>Descarga de eodag (recortada a un área)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="174"/>
        <source>Searches an eodag provider like &apos;eodag product search&apos;, downloads the products found (or only PRODUCT_IDS) with eodag, orders the offline ones if ORDER is set, then finds the requested bands inside each product (Sentinel-2 SAFE JP2 bands, STAC assets, GeoTIFFs), cuts them to the area at their native resolution and CRS and loads them, with a true-colour composite when red, green and blue are among them. The full products stay in the output folder; a product already downloaded there is not downloaded again.

AOI / EXTENT: the area (give one). PROVIDER, COLLECTION, DATE_FROM, DATE_TO, CLOUD_MAX: the search, as in &apos;eodag product search&apos;.
PRODUCT_IDS: optional comma-separated product ids (from the search) to download only those.
BANDS: comma-separated, e.g. B04,B03,B02 (Sentinel-2), SR_B4 (Landsat) or STAC names red,green,blue; empty: no cut, the products themselves are the outputs.
ORDER: order products that are offline (orderable); without it they are skipped.
WAIT: minutes between two download tries while an order is prepared; TIMEOUT: minutes before giving up (empty: eodag&apos;s defaults). An order is placed once: if QGIS is closed, the job resumes waiting for the same order.
EXTRACT: extract the downloaded archives (as eodag does).
AUTHCFG: QGIS authentication configuration with the provider&apos;s credentials (Basic: username and password; or an API key), handed to eodag in memory only.
OUTPUT_DIR: where the products and the cut files are written.</source>
        <translation>Busca en un proveedor de eodag como 'Búsqueda de productos de eodag', descarga los productos encontrados (o solo PRODUCT_IDS) con eodag, pide los que están fuera de línea si ORDER está activado, y después busca las bandas solicitadas dentro de cada producto (bandas JP2 de SAFE de Sentinel-2, recursos STAC, GeoTIFF), las recorta al área en su resolución y SRC nativos y las carga, con una composición en color verdadero cuando el rojo, el verde y el azul están entre ellas. Los productos completos permanecen en la carpeta de salida; un producto ya descargado allí no se vuelve a descargar.

AOI / EXTENT: el área (indique una de las dos). PROVIDER, COLLECTION, DATE_FROM, DATE_TO, CLOUD_MAX: la búsqueda, como en 'Búsqueda de productos de eodag'.
PRODUCT_IDS: ID de productos opcionales (de la búsqueda), separados por comas, para descargar solo esos.
BANDS: separadas por comas, p. ej. B04,B03,B02 (Sentinel-2), SR_B4 (Landsat) o los nombres STAC red,green,blue; vacío: sin recorte, los propios productos son las salidas.
ORDER: pedir los productos fuera de línea (orderable); sin esta opción se omiten.
WAIT: minutos entre dos intentos de descarga mientras se prepara un pedido; TIMEOUT: minutos antes de abandonar (vacío: los valores predeterminados de eodag). Un pedido se realiza una sola vez: si se cierra QGIS, el trabajo vuelve a esperar el mismo pedido.
EXTRACT: extraer los archivos comprimidos descargados (como hace eodag).
AUTHCFG: configuración de autenticación de QGIS con las credenciales del proveedor (Basic: nombre de usuario y contraseña; o una clave de API), que se pasan a eodag solo en memoria.
OUTPUT_DIR: dónde se escriben los productos y los archivos recortados.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="198"/>
        <source>Product ids (comma-separated; empty: every product found)</source>
        <translation>ID de los productos (separados por comas; vacío: todos los productos encontrados)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="201"/>
        <source>Bands to cut (comma-separated)</source>
        <translation>Bandas que recortar (separadas por comas)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="204"/>
        <source>Order offline products</source>
        <translation>Pedir los productos fuera de línea</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="206"/>
        <source>Minutes between download tries (empty: eodag&apos;s default)</source>
        <translation>Minutos entre intentos de descarga (vacío: el valor predeterminado de eodag)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="209"/>
        <source>Minutes before giving up on an order (empty: eodag&apos;s default)</source>
        <translation>Minutos antes de abandonar un pedido (vacío: el valor predeterminado de eodag)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="212"/>
        <source>Extract archives</source>
        <translation>Extraer los archivos comprimidos</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="31"/>
        <source>Downloads an Earth Engine image cropped to an area of interest, the way ee.data.getDownloadId does, and loads the result as layers. Areas too large for one request are split into tiles automatically and mosaicked into one Cloud-Optimized GeoTIFF masked to the area.

AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one.
IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.
BANDS: comma-separated band names, e.g. B4,B3,B2.
BAND_OPTIONS: optional JSON list of per-band options, e.g. [{&quot;id&quot;: &quot;B3&quot;, &quot;scale&quot;: 10}, {&quot;id&quot;: &quot;B11&quot;, &quot;scale&quot;: 20}] (keys id, crs, crs_transform, dimensions, scale).
SCALE: pixel size in metres (empty: the band&apos;s native scale).
CRS: output CRS (empty: the image&apos;s). CRS_TRANSFORM: six numbers xScale, xShearing, xTranslation, yShearing, yScale, yTranslation; with CRS it fixes the grid and the area is then ignored, as Earth Engine documents.
DIMENSIONS: WIDTHxHEIGHT in pixels, or one number for the longest side.
FORMAT: Default (Earth Engine&apos;s: a zipped GeoTIFF, one file per band unless FILE_PER_BAND is false), ZIPPED_GEO_TIFF (one multi-band file), ZIPPED_GEO_TIFF_PER_BAND (one file per band), GEO_TIFF, or NPY (NumPy array, also written as a GeoTIFF).
FILE_PER_BAND: one file per band with the default format (an explicit format decides by itself, as in the official client).
NAME: base name of the files. PROJECT: your Google Cloud project registered for Earth Engine.
AUTHCFG: QGIS authentication configuration with your Earth Engine credentials.
OUTPUT_DIR: where the files are written.</source>
        <translation type="obsolete">Descarga una imagen de Earth Engine recortada a un área de interés, como lo hace ee.data.getDownloadId, y carga el resultado como capas. Las áreas demasiado grandes para una sola solicitud se dividen automáticamente en teselas y se unen en un mosaico: un único Cloud-Optimized GeoTIFF enmascarado al área.

AOI / EXTENT: el área, una capa de polígonos (solo los objetos seleccionados si está marcado) o una extensión; indique una de las dos.
IMAGE: el ID del recurso, p. ej. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.
BANDS: nombres de bandas separados por comas, p. ej. B4,B3,B2.
BAND_OPTIONS: lista JSON opcional de opciones por banda, p. ej. [{&quot;id&quot;: &quot;B3&quot;, &quot;scale&quot;: 10}, {&quot;id&quot;: &quot;B11&quot;, &quot;scale&quot;: 20}] (claves id, crs, crs_transform, dimensions, scale).
SCALE: tamaño de píxel en metros (vacío: la escala nativa de la banda).
CRS: SRC de salida (vacío: el de la imagen). CRS_TRANSFORM: seis números xScale, xShearing, xTranslation, yShearing, yScale, yTranslation; junto con CRS fija la cuadrícula y entonces se ignora el área, como documenta Earth Engine.
DIMENSIONS: ANCHOxALTO en píxeles, o un solo número para el lado más largo.
FORMAT: Predeterminado (el de Earth Engine: un GeoTIFF comprimido, un archivo por banda salvo que FILE_PER_BAND sea falso), ZIPPED_GEO_TIFF (un archivo multibanda), ZIPPED_GEO_TIFF_PER_BAND (un archivo por banda), GEO_TIFF, o NPY (matriz de NumPy, también escrita como GeoTIFF).
FILE_PER_BAND: un archivo por banda con el formato predeterminado (un formato explícito decide por sí mismo, como en el cliente oficial).
NAME: nombre base de los archivos. PROJECT: su proyecto de Google Cloud registrado para Earth Engine.
AUTHCFG: configuración de autenticación de QGIS con sus credenciales de Earth Engine.
OUTPUT_DIR: dónde se escriben los archivos.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="29"/>
        <source>COLLECTION: an Earth Engine image collection id, e.g. {examples}, or any other.
DATE_FROM / DATE_TO: the first and the last day, YYYY-MM-DD (both included).
CLOUD_MAX: the highest cloud cover of a scene in percent, from the collection&apos;s own property (Sentinel-2 CLOUDY_PIXEL_PERCENTAGE, Landsat CLOUD_COVER); empty: no limit.
</source>
        <translation>COLLECTION: un ID de colección de imágenes de Earth Engine, p. ej. {examples}, o cualquier otra.
DATE_FROM / DATE_TO: el primer y el último día, AAAA-MM-DD (ambos incluidos).
CLOUD_MAX: la nubosidad máxima de una escena en porcentaje, según la propiedad de la colección (Sentinel-2 CLOUDY_PIXEL_PERCENTAGE, Landsat CLOUD_COVER); vacío: sin límite.
</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="37"/>
        <source>CLOUD_MASK: none; Cloud Score+ (Sentinel-2: pixels whose cs_cdf score is below 0.6 are masked); Landsat QA (Landsat Collection 2: dilated cloud, cirrus, cloud and shadow bits of QA_PIXEL).
COMPOSITE: how the scenes become one image: median, mean, min, max of the unmasked pixels, or a mosaic with the most recent or the least cloudy scene on top.
</source>
        <translation>CLOUD_MASK: none (ninguna); Cloud Score+ (Sentinel-2: se enmascaran los píxeles cuya puntuación cs_cdf es inferior a 0,6); Landsat QA (Landsat Collection 2: bits de nube dilatada, cirros, nube y sombra de QA_PIXEL).
COMPOSITE: cómo las escenas se convierten en una imagen: mediana, media, mín, máx de los píxeles no enmascarados, o un mosaico con la escena más reciente o la menos nubosa encima.
</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="49"/>
        <source>Image collection id</source>
        <translation>ID de la colección de imágenes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="60"/>
        <source>Cloud mask</source>
        <translation>Máscara de nubes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="63"/>
        <source>Compositing method</source>
        <translation>Método de composición</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="76"/>
        <source>Give an IMAGE, or a COLLECTION with DATE_FROM and DATE_TO.</source>
        <translation>Indique una IMAGE, o una COLLECTION con DATE_FROM y DATE_TO.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="80"/>
        <source>Give either IMAGE or COLLECTION, not both.</source>
        <translation>Indique IMAGE o COLLECTION, no ambos.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="32"/>
        <source>Downloads an Earth Engine image cropped to an area of interest, the way ee.data.getDownloadId does, and loads the result as layers. Areas too large for one request are split into tiles automatically and mosaicked into one Cloud-Optimized GeoTIFF masked to the area.

AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one.
IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; or, instead, COLLECTION with the dates: a composite of the collection&apos;s images over the area.
</source>
        <translation type="obsolete">Descarga una imagen de Earth Engine recortada a un área de interés, como lo hace ee.data.getDownloadId, y carga el resultado como capas. Las áreas demasiado grandes para una sola solicitud se dividen automáticamente en teselas y se unen en un mosaico: un único Cloud-Optimized GeoTIFF enmascarado al área.

AOI / EXTENT: el área, una capa de polígonos (solo los objetos seleccionados si está marcado) o una extensión; indique una de las dos.
IMAGE: el ID del recurso, p. ej. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; o, en su lugar, COLLECTION con las fechas: un compuesto de las imágenes de la colección sobre el área.
</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="39"/>
        <source>BANDS: comma-separated band names, e.g. B4,B3,B2 (a collection: empty for its usual bands).
BAND_OPTIONS: optional JSON list of per-band options, e.g. [{&quot;id&quot;: &quot;B3&quot;, &quot;scale&quot;: 10}, {&quot;id&quot;: &quot;B11&quot;, &quot;scale&quot;: 20}] (keys id, crs, crs_transform, dimensions, scale).
SCALE: pixel size in metres (empty: the band&apos;s native scale).
CRS: output CRS (empty: the image&apos;s). CRS_TRANSFORM: six numbers xScale, xShearing, xTranslation, yShearing, yScale, yTranslation; with CRS it fixes the grid and the area is then ignored, as Earth Engine documents.
DIMENSIONS: WIDTHxHEIGHT in pixels, or one number for the longest side.
FORMAT: Default (Earth Engine&apos;s: a zipped GeoTIFF, one file per band unless FILE_PER_BAND is false), ZIPPED_GEO_TIFF (one multi-band file), ZIPPED_GEO_TIFF_PER_BAND (one file per band), GEO_TIFF, or NPY (NumPy array, also written as a GeoTIFF).
FILE_PER_BAND: one file per band with the default format (an explicit format decides by itself, as in the official client).
NAME: base name of the files. PROJECT: your Google Cloud project registered for Earth Engine.
AUTHCFG: QGIS authentication configuration with your Earth Engine credentials.
OUTPUT_DIR: where the files are written.</source>
        <translation>BANDS: nombres de bandas separados por comas, p. ej. B4,B3,B2 (una colección: vacío para sus bandas habituales).
BAND_OPTIONS: lista JSON opcional de opciones por banda, p. ej. [{&quot;id&quot;: &quot;B3&quot;, &quot;scale&quot;: 10}, {&quot;id&quot;: &quot;B11&quot;, &quot;scale&quot;: 20}] (claves id, crs, crs_transform, dimensions, scale).
SCALE: tamaño de píxel en metros (vacío: la escala nativa de la banda).
CRS: SRC de salida (vacío: el de la imagen). CRS_TRANSFORM: seis números xScale, xShearing, xTranslation, yShearing, yScale, yTranslation; junto con CRS fija la cuadrícula y entonces se ignora el área, como documenta Earth Engine.
DIMENSIONS: ANCHOxALTO en píxeles, o un solo número para el lado más largo.
FORMAT: Predeterminado (el de Earth Engine: un GeoTIFF comprimido, un archivo por banda salvo que FILE_PER_BAND sea falso), ZIPPED_GEO_TIFF (un archivo multibanda), ZIPPED_GEO_TIFF_PER_BAND (un archivo por banda), GEO_TIFF, o NPY (matriz de NumPy, también escrita como GeoTIFF).
FILE_PER_BAND: un archivo por banda con el formato predeterminado (un formato explícito decide por sí mismo, como en el cliente oficial).
NAME: nombre base de los archivos. PROJECT: su proyecto de Google Cloud registrado para Earth Engine.
AUTHCFG: configuración de autenticación de QGIS con sus credenciales de Earth Engine.
OUTPUT_DIR: dónde se escriben los archivos.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="52"/>
        <source>Starts an Earth Engine batch export of an image (as Export.image.toCloudStorage / toDrive / toAsset do), follows it to the end and brings the result back: the GeoTIFF files are downloaded from Cloud Storage or Drive (files of a split export are joined into one VRT) and loaded; an asset is added as an Earth Engine tile layer, and can also be downloaded as a GeoTIFF. Exports have no size limit besides MAX_PIXELS, unlike direct downloads. The export is started once per job: a retry, or QGIS restarting, follows the same export instead of starting another one. Cancelling cancels the export on Earth Engine.

AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one (or an exact grid: CRS, CRS_TRANSFORM and WIDTHxHEIGHT DIMENSIONS).
IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; or, instead, COLLECTION with the dates: a composite of the collection&apos;s images over the area.
</source>
        <translation>Inicia una exportación por lotes de Earth Engine de una imagen (como hacen Export.image.toCloudStorage / toDrive / toAsset), la sigue hasta el final y trae el resultado: los archivos GeoTIFF se descargan de Cloud Storage o Drive (los archivos de una exportación dividida se unen en un solo VRT) y se cargan; un recurso se añade como capa de teselas de Earth Engine, y también se puede descargar como GeoTIFF. A diferencia de las descargas directas, las exportaciones no tienen más límite de tamaño que MAX_PIXELS. La exportación se inicia una sola vez por trabajo: un reintento, o un reinicio de QGIS, sigue la misma exportación en lugar de iniciar otra. Cancelar cancela la exportación en Earth Engine.

AOI / EXTENT: el área, una capa de polígonos (solo los objetos seleccionados si está marcado) o una extensión; indique una de las dos (o una cuadrícula exacta: CRS, CRS_TRANSFORM y DIMENSIONS ANCHOxALTO).
IMAGE: el ID del recurso, p. ej. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; o, en su lugar, COLLECTION con las fechas: un compuesto de las imágenes de la colección sobre el área.
</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="64"/>
        <source>BANDS: comma-separated band names, e.g. B4,B3,B2 (empty: all bands, a collection&apos;s usual bands; they must share a data type).
SCALE: pixel size in metres (empty: the image&apos;s native scale).
CRS: output CRS (empty: the image&apos;s). CRS_TRANSFORM: six numbers xScale, xShearing, xTranslation, yShearing, yScale, yTranslation (needs CRS).
DIMENSIONS: WIDTHxHEIGHT in pixels, or one number for the longest side (not with SCALE).
DESCRIPTION: the task name shown by Earth Engine (default myExportImageTask); also the default file name prefix.
DESTINATION: Cloud Storage, Drive or Asset.
BUCKET: the Cloud Storage bucket (Cloud Storage). FOLDER: the Drive folder name (Drive; empty: the Drive root). PREFIX: the file name prefix, e.g. exports/my_area (Cloud Storage, Drive; default the description).
ASSET_ID: the asset to create (Asset): projects/&lt;project&gt;/assets/&lt;name&gt;, users/&lt;user&gt;/&lt;name&gt;, or a name put in PROJECT.
MAX_PIXELS: the most pixels the export may have (empty: Earth Engine&apos;s default, 1e8). If the export fails as too large, the message says what to set.
PRIORITY: 0 to 9999, higher runs sooner (empty: 100).
FILE_DIMENSIONS: the largest file in pixels, WIDTHxHEIGHT or one number, multiples of 256; larger exports are split into several files (joined into a VRT here).
CLOUD_OPTIMIZED: write Cloud-Optimized GeoTIFFs. NO_DATA: the value written in masked pixels (and marked as no-data). SKIP_EMPTY: do not write files that would hold no valid pixel.
PYRAMIDING_POLICY: how the asset&apos;s lower resolutions are computed (Asset): MEAN (default), SAMPLE, MIN, MAX or MODE. PYRAMIDING_OVERRIDES: per band, as JSON, e.g. {&quot;SCL&quot;: &quot;MODE&quot;}.
VIS_PARAMS: how the asset&apos;s tile layer is drawn, as JSON, e.g. {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000} (empty: Earth Engine&apos;s default).
WORKLOAD_TAG: a label for the computation in your Cloud project&apos;s usage reports (lowercase letters, digits, - and _).
WAIT: follow the export to its end (default). Unticked, the algorithm returns once Earth Engine has accepted the export; the job stays in the Jobs panel, where Retry (or the next QGIS start) follows it and fetches the result.
DOWNLOAD: also download the new asset as a GeoTIFF of the area (Asset).
PROJECT: your Google Cloud project registered for Earth Engine (empty: the plugin settings).
AUTHCFG: QGIS authentication configuration with your Earth Engine credentials; reading from Cloud Storage or Drive needs their scopes too. The tile layer uses it to authorize its requests.
OUTPUT_DIR: where the files are written.

Outputs: OUTPUT_FILES (the files, and the tile layer of an asset), OUTPUT_FOLDER, OPERATION (the Earth Engine operation name, e.g. projects/&lt;project&gt;/operations/&lt;id&gt;) and TILE_LAYER (the XYZ layer source of an asset, or empty).</source>
        <translation>BANDS: nombres de bandas separados por comas, p. ej. B4,B3,B2 (vacío: todas las bandas, las habituales de una colección; deben compartir un tipo de datos).
SCALE: tamaño de píxel en metros (vacío: la escala nativa de la imagen).
CRS: SRC de salida (vacío: el de la imagen). CRS_TRANSFORM: seis números xScale, xShearing, xTranslation, yShearing, yScale, yTranslation (necesita CRS).
DIMENSIONS: ANCHOxALTO en píxeles, o un solo número para el lado más largo (no junto con SCALE).
DESCRIPTION: el nombre de la tarea que muestra Earth Engine (por defecto myExportImageTask); también es el prefijo de nombre de archivo predeterminado.
DESTINATION: Cloud Storage, Drive o Asset.
BUCKET: el bucket de Cloud Storage (Cloud Storage). FOLDER: el nombre de la carpeta de Drive (Drive; vacío: la raíz de Drive). PREFIX: el prefijo de los nombres de archivo, p. ej. exports/my_area (Cloud Storage, Drive; por defecto la descripción).
ASSET_ID: el recurso que crear (Asset): projects/&lt;project&gt;/assets/&lt;name&gt;, users/&lt;user&gt;/&lt;name&gt;, o un nombre colocado en PROJECT.
MAX_PIXELS: el número máximo de píxeles de la exportación (vacío: el valor predeterminado de Earth Engine, 1e8). Si la exportación falla por ser demasiado grande, el mensaje indica qué ajustar.
PRIORITY: de 0 a 9999, cuanto más alta antes se ejecuta (vacío: 100).
FILE_DIMENSIONS: el archivo más grande en píxeles, ANCHOxALTO o un solo número, múltiplos de 256; las exportaciones mayores se dividen en varios archivos (que aquí se unen en un VRT).
CLOUD_OPTIMIZED: escribir Cloud-Optimized GeoTIFF. NO_DATA: el valor escrito en los píxeles enmascarados (y marcado como NoData). SKIP_EMPTY: no escribir archivos que no contendrían ningún píxel válido.
PYRAMIDING_POLICY: cómo se calculan las resoluciones inferiores del recurso (Asset): MEAN (predeterminado), SAMPLE, MIN, MAX o MODE. PYRAMIDING_OVERRIDES: por banda, en JSON, p. ej. {&quot;SCL&quot;: &quot;MODE&quot;}.
VIS_PARAMS: cómo se dibuja la capa de teselas del recurso, en JSON, p. ej. {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000} (vacío: el valor predeterminado de Earth Engine).
WORKLOAD_TAG: una etiqueta para el cálculo en los informes de uso de su proyecto de Cloud (letras minúsculas, dígitos, - y _).
WAIT: seguir la exportación hasta el final (predeterminado). Si no está marcado, el algoritmo termina en cuanto Earth Engine acepta la exportación; el trabajo queda en el panel Trabajos, donde Reintentar (o el siguiente inicio de QGIS) lo sigue y obtiene el resultado.
DOWNLOAD: descargar también el nuevo recurso como GeoTIFF del área (Asset).
PROJECT: su proyecto de Google Cloud registrado para Earth Engine (vacío: la configuración del complemento).
AUTHCFG: configuración de autenticación de QGIS con sus credenciales de Earth Engine; leer desde Cloud Storage o Drive también necesita sus alcances. La capa de teselas la usa para autorizar sus solicitudes.
OUTPUT_DIR: dónde se escriben los archivos.

Salidas: OUTPUT_FILES (los archivos, y la capa de teselas de un recurso), OUTPUT_FOLDER, OPERATION (el nombre de la operación de Earth Engine, p. ej. projects/&lt;project&gt;/operations/&lt;id&gt;) y TILE_LAYER (la fuente de la capa XYZ de un recurso, o vacío).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="34"/>
        <source>Earth Engine collection search</source>
        <translation>Búsqueda en una colección de Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="37"/>
        <source>Lists the images of an Earth Engine collection over an area of interest and a period (as ee.data.listImages does) and writes their footprints with id, date and cloud cover, least cloudy first; to choose an IMAGE for &apos;Earth Engine download&apos; or &apos;Earth Engine export&apos;. In a model, LEAST_CLOUDY_ID feeds the least cloudy image straight into them.

AOI / EXTENT: the area (give one).
</source>
        <translation>Lista las imágenes de una colección de Earth Engine sobre un área de interés y un periodo (como hace ee.data.listImages) y escribe sus huellas con ID, fecha y nubosidad, la menos nubosa primero; para elegir una IMAGE para «Descarga de Earth Engine» o «Exportación de Earth Engine». En un modelo, LEAST_CLOUDY_ID les pasa directamente la imagen menos nubosa.

AOI / EXTENT: el área (indique una de las dos).
</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="45"/>
        <source>LIMIT: most images listed.
PROJECT: your Google Cloud project registered for Earth Engine.
AUTHCFG: QGIS authentication configuration with your Earth Engine credentials.
OUTPUT: the footprint layer (fields id, date, cloud).
LEAST_CLOUDY_ID: the id of the least cloudy image (empty when none is found). COUNT: how many images were found.</source>
        <translation>LIMIT: número máximo de imágenes listadas.
PROJECT: su proyecto de Google Cloud registrado para Earth Engine.
AUTHCFG: configuración de autenticación de QGIS con sus credenciales de Earth Engine.
OUTPUT: la capa de huellas (campos id, date, cloud).
LEAST_CLOUDY_ID: el ID de la imagen menos nubosa (vacío si no se encuentra ninguna). COUNT: cuántas imágenes se encontraron.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="57"/>
        <source>Maximum number of images</source>
        <translation>Número máximo de imágenes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="65"/>
        <source>Image footprints</source>
        <translation>Huellas de las imágenes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="67"/>
        <source>Least cloudy image id</source>
        <translation>ID de la imagen menos nubosa</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="69"/>
        <source>Number of images</source>
        <translation>Número de imágenes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="88"/>
        <source>{} images found.</source>
        <translation>{} imágenes encontradas.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="90"/>
        <source>The listing stopped at {} images; narrow the period or the area to see them all.</source>
        <translation>El listado se detuvo en {} imágenes; acote el periodo o el área para verlas todas.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="60"/>
        <source>One job per feature of the area of interest</source>
        <translation>Un trabajo por entidad del área de interés</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="63"/>
        <source>Field naming each feature&apos;s job and folder (empty: the feature id)</source>
        <translation>Campo que da nombre al trabajo y a la carpeta de cada entidad (vacío: el ID de la entidad)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="110"/>
        <source>One job per feature needs a polygon layer (AOI).</source>
        <translation>Un trabajo por entidad necesita una capa de polígonos (AOI).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="139"/>
        <source>Feature {} of {}: {}</source>
        <translation>Entidad {} de {}: {}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="30"/>
        <source>Downloads an Earth Engine image cropped to an area of interest, the way ee.data.getDownloadId does, and loads the result as layers. Areas too large for one request are split into tiles automatically and mosaicked into one Cloud-Optimized GeoTIFF masked to the area.

AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one.
ONE_JOB_PER_FEATURE: one download per feature of AOI, each in a folder of OUTPUT_DIR named after the feature&apos;s NAME_FIELD value (its id when empty).
IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; or, instead, COLLECTION with the dates: a composite of the collection&apos;s images over the area.
</source>
        <translation>Descarga una imagen de Earth Engine recortada a un área de interés, como lo hace ee.data.getDownloadId, y carga el resultado como capas. Las áreas demasiado grandes para una sola solicitud se dividen automáticamente en teselas y se unen en un mosaico: un único Cloud-Optimized GeoTIFF enmascarado al área.

AOI / EXTENT: el área, una capa de polígonos (solo los objetos seleccionados si está marcado) o una extensión; indique una de las dos.
ONE_JOB_PER_FEATURE: una descarga por entidad de AOI, cada una en una carpeta de OUTPUT_DIR con el nombre del valor NAME_FIELD de la entidad (su ID si está vacío).
IMAGE: el ID del recurso, p. ej. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; o, en su lugar, COLLECTION con las fechas: un compuesto de las imágenes de la colección sobre el área.
</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="110"/>
        <source>Creates EOSDA Download API &apos;lbe&apos; (load by extent) tasks for the area of interest, waits for them and loads the results (JP2 for one Sentinel-2 band, GeoTIFF for one band or merged bands of one resolution, otherwise a zip that is extracted). Several polygons become one task each.

AOI / EXTENT: the area (give one). VIEW_ID: the scene, as the search returns it, e.g. S2/13/R/EL/2023/7/19/0.
BANDS: comma-separated, e.g. B04,B03,B02.
MERGE: merge bands of the same resolution into one file (default yes).
METADATA: optional comma-separated metadata files to include.
REFERENCE: your unique id for the request (empty: generated).
CALLBACK_URL: optional URL the server calls when the task is done.
AUTHCFG: QGIS authentication configuration holding the EOSDA API key.
ONE_JOB_PER_FEATURE: one download per feature of AOI, each in a folder of OUTPUT_DIR named after the feature&apos;s NAME_FIELD value (its id when empty).
OUTPUT_DIR: where the files are written.</source>
        <translation>Crea tareas 'lbe' (load by extent, carga por extensión) de la Download API de EOSDA para el área de interés, espera a que terminen y carga los resultados (JP2 para una banda de Sentinel-2, GeoTIFF para una banda o bandas combinadas de una misma resolución; si no, un zip que se extrae). Cada polígono se convierte en una tarea.

AOI / EXTENT: el área (indique una de las dos). VIEW_ID: la escena, tal como la devuelve la búsqueda, p. ej. S2/13/R/EL/2023/7/19/0.
BANDS: separadas por comas, p. ej. B04,B03,B02.
MERGE: combinar las bandas de la misma resolución en un solo archivo (sí por defecto).
METADATA: archivos de metadatos opcionales que incluir, separados por comas.
REFERENCE: su identificador único para la solicitud (vacío: se genera).
CALLBACK_URL: URL opcional a la que llama el servidor cuando la tarea termina.
AUTHCFG: configuración de autenticación de QGIS que contiene la clave de API de EOSDA.
ONE_JOB_PER_FEATURE: una descarga por entidad de AOI, cada una en una carpeta de OUTPUT_DIR con el nombre del valor NAME_FIELD de la entidad (su ID si está vacío).
OUTPUT_DIR: dónde se escriben los archivos.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="27"/>
        <source>The items file {path} cannot be read: {error}</source>
        <translation>No se puede leer el archivo de ítems {path}: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="33"/>
        <source>The items file {path} holds no STAC Items.</source>
        <translation>El archivo de ítems {path} no contiene ítems STAC.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="55"/>
        <source>STAC download (cut to an area)</source>
        <translation>Descarga STAC (recortada a un área)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="56"/>
        <source>Reads the items of a STAC catalogue over an area: from a Cloud-Optimized GeoTIFF only the pixels of the area travel (HTTP range requests); other assets are downloaded in full, then cut. Every asset keeps its native grid and coordinate system; pixels outside the polygon are nodata. The items of one date are mosaicked into one file per date, loaded as one layer per date with its date set for the Temporal Controller.

API: the catalogue&apos;s address (e.g. https://earth-search.aws.element84.com/v1).
COLLECTION: the collection id, e.g. sentinel-2-l2a.
AOI / EXTENT: the area (give one).
DATE_FROM / DATE_TO: YYYY-MM-DD, both included.
CLOUD_MAX: highest cloud cover in percent (100: no limit).
ASSETS: comma-separated asset keys, in the order of the output bands, e.g. red,green,blue.
MAX_ITEMS: most items read.
STACK_VRT: also write a multi-band VRT time stack (bands named &apos;&lt;date&gt; &lt;asset&gt;&apos;).
SIGNING: how asset links are signed before reading (Planetary Computer).
ITEMS_FILE: optional JSON file of STAC Items (a FeatureCollection); when given, the catalogue is not searched and DATE_FROM, DATE_TO and CLOUD_MAX are not used.
AUTHCFG: QGIS authentication configuration of a private catalogue (its headers go to the catalogue&apos;s own address only).
OUTPUT_DIR: where the files are written.</source>
        <translation type="obsolete">Lee los ítems de un catálogo STAC sobre un área: de un GeoTIFF optimizado para la nube (COG) solo viajan los píxeles del área (peticiones HTTP por rangos); los demás recursos se descargan completos y luego se recortan. Cada recurso conserva su malla y su sistema de coordenadas nativos; los píxeles fuera del polígono quedan sin datos. Los ítems de una misma fecha se unen en un archivo por fecha, que se carga como una capa por fecha con su fecha ajustada para el controlador temporal.

API: la dirección del catálogo (p. ej. https://earth-search.aws.element84.com/v1).
COLLECTION: el identificador de la colección, p. ej. sentinel-2-l2a.
AOI / EXTENT: el área (indique una).
DATE_FROM / DATE_TO: AAAA-MM-DD, ambas incluidas.
CLOUD_MAX: cobertura de nubes máxima en porcentaje (100: sin límite).
ASSETS: claves de los recursos separadas por comas, en el orden de las bandas de salida, p. ej. red,green,blue.
MAX_ITEMS: número máximo de ítems leídos.
STACK_VRT: escribir también una pila temporal VRT multibanda (bandas llamadas '&lt;fecha&gt; &lt;recurso&gt;').
SIGNING: cómo se firman los enlaces de los recursos antes de leerlos (Planetary Computer).
ITEMS_FILE: archivo JSON opcional de ítems STAC (una FeatureCollection); si se indica, no se consulta el catálogo y no se usan DATE_FROM, DATE_TO ni CLOUD_MAX.
AUTHCFG: configuración de autenticación de QGIS de un catálogo privado (sus cabeceras solo van a la dirección del propio catálogo).
OUTPUT_DIR: dónde se escriben los archivos.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="84"/>
        <source>STAC API address</source>
        <translation>Dirección de la API STAC</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="75"/>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="95"/>
        <source>Assets (comma-separated, in band order)</source>
        <translation>Recursos (separados por comas, en el orden de las bandas)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="85"/>
        <source>Maximum number of items</source>
        <translation>Número máximo de ítems</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="101"/>
        <source>Also write a VRT time stack</source>
        <translation>Escribir también una pila temporal VRT</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="103"/>
        <source>Signing of asset links</source>
        <translation>Firma de los enlaces de recursos</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="103"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="106"/>
        <source>Items file (JSON; instead of a search)</source>
        <translation>Archivo de ítems (JSON; en lugar de una búsqueda)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="125"/>
        <source>{n} items; the first {cap} are read.</source>
        <translation>{n} ítems; se leen los {cap} primeros.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="18"/>
        <source>Another catalogue (CATALOGUE_URL)</source>
        <translation>Otro catálogo (CATALOGUE_URL)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="47"/>
        <source>STAC catalogue search</source>
        <translation>Búsqueda en un catálogo STAC</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="50"/>
        <source>Searches a STAC API catalogue for the items of a collection over an area of interest and a period, and writes their footprints, newest first.

AOI / EXTENT: the area (give one).
CATALOGUE: a known catalogue, or CATALOGUE_URL: the root URL of any STAC API (it wins when given).
COLLECTION: the collection id (e.g. sentinel-2-l2a).
DATE_FROM / DATE_TO: YYYY-MM-DD (empty: open).
CLOUD_MAX: highest cloud cover in percent (100: no limit). The catalogue filters when it can (CQL2 filter or query extension); otherwise the items are filtered here, items without a cloud cover are kept, and the log says so.
MAX_ITEMS: most items listed.
AUTHCFG: QGIS authentication configuration of a private catalogue (Basic, OAuth2, token or API header).
OUTPUT: the footprint layer (fields id, datetime, cloud, collection, assets, thumbnail). NEWEST_ID: the newest item&apos;s id. COUNT: how many items were found.</source>
        <translation>Busca en un catálogo de API STAC los ítems de una colección sobre una zona de interés y un periodo, y escribe sus huellas, los más recientes primero.

AOI / EXTENT: la zona (indique una).
CATALOGUE: un catálogo conocido, o CATALOGUE_URL: la URL raíz de cualquier API STAC (prevalece si se indica).
COLLECTION: el ID de la colección (p. ej. sentinel-2-l2a).
DATE_FROM / DATE_TO: AAAA-MM-DD (vacío: abierto).
CLOUD_MAX: cobertura de nubes máxima en porcentaje (100: sin límite). El catálogo filtra cuando puede (filtro CQL2 o extensión query); si no, los ítems se filtran aquí, los que no indican cobertura de nubes se conservan, y el registro lo dice.
MAX_ITEMS: número máximo de ítems listados.
AUTHCFG: configuración de autenticación de QGIS de un catálogo privado (Basic, OAuth2, token o cabecera de API).
OUTPUT: la capa de huellas (campos id, datetime, cloud, collection, assets, thumbnail). NEWEST_ID: el ID del ítem más reciente. COUNT: cuántos ítems se encontraron.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="70"/>
        <source>Catalogue</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="72"/>
        <source>Catalogue URL (instead of a known catalogue)</source>
        <translation>URL del catálogo (en lugar de un catálogo conocido)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="93"/>
        <source>Item footprints</source>
        <translation>Huellas de los ítems</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="95"/>
        <source>Newest item id</source>
        <translation>ID del ítem más reciente</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="96"/>
        <source>Number of items</source>
        <translation>Número de ítems</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="106"/>
        <source>Give the catalogue&apos;s URL in CATALOGUE_URL.</source>
        <translation>Indique la URL del catálogo en CATALOGUE_URL.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="114"/>
        <source>{} items found.</source>
        <translation>{} ítems encontrados.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="58"/>
        <source>Reads the items of a STAC catalogue over an area: from a Cloud-Optimized GeoTIFF only the pixels of the area travel (HTTP range requests); other assets are downloaded in full, then cut. Every asset keeps its native grid and coordinate system; pixels outside the polygon are nodata. The items of one date are mosaicked into one file per date, loaded as one layer per date with its date set for the Temporal Controller.

API: the catalogue&apos;s address (e.g. https://earth-search.aws.element84.com/v1).
COLLECTION: the collection id, e.g. sentinel-2-l2a.
AOI / EXTENT: the area (give one).
DATE_FROM / DATE_TO: YYYY-MM-DD, both included.
CLOUD_MAX: highest cloud cover in percent (100: no limit).
ASSETS: comma-separated asset keys, in the order of the output bands, e.g. red,green,blue.
MAX_ITEMS: most items read.
STACK_VRT: also write a multi-band VRT time stack (bands named &apos;&lt;date&gt; &lt;asset&gt;&apos;).
SIGNING: how asset links are signed before reading (Planetary Computer).
ITEMS_FILE: optional JSON file of STAC Items (a FeatureCollection); when given, the catalogue is not searched and DATE_FROM, DATE_TO and CLOUD_MAX are not used.
AUTHCFG: QGIS authentication configuration of a private catalogue (its headers go to the catalogue&apos;s own address only).
S3_AUTHCFG: for s3:// assets of private or requester-pays buckets, a Basic configuration (user name = access key id, password = secret key); empty: the plugin settings&apos; S3 credentials, else anonymous reads. The S3 endpoint (AWS by default) is in the plugin settings.
OUTPUT_DIR: where the files are written.</source>
        <translation>Lee los ítems de un catálogo STAC sobre un área: de un GeoTIFF optimizado para la nube (COG) solo viajan los píxeles del área (peticiones HTTP por rangos); los demás recursos se descargan completos y luego se recortan. Cada recurso conserva su malla y su sistema de coordenadas nativos; los píxeles fuera del polígono quedan sin datos. Los ítems de una misma fecha se unen en un archivo por fecha, que se carga como una capa por fecha con su fecha ajustada para el controlador temporal.

API: la dirección del catálogo (p. ej. https://earth-search.aws.element84.com/v1).
COLLECTION: el identificador de la colección, p. ej. sentinel-2-l2a.
AOI / EXTENT: el área (indique una).
DATE_FROM / DATE_TO: AAAA-MM-DD, ambas incluidas.
CLOUD_MAX: cobertura de nubes máxima en porcentaje (100: sin límite).
ASSETS: claves de los recursos separadas por comas, en el orden de las bandas de salida, p. ej. red,green,blue.
MAX_ITEMS: número máximo de ítems leídos.
STACK_VRT: escribir también una pila temporal VRT multibanda (bandas llamadas '&lt;fecha&gt; &lt;recurso&gt;').
SIGNING: cómo se firman los enlaces de los recursos antes de leerlos (Planetary Computer).
ITEMS_FILE: archivo JSON opcional de ítems STAC (una FeatureCollection); si se indica, no se consulta el catálogo y no se usan DATE_FROM, DATE_TO ni CLOUD_MAX.
AUTHCFG: configuración de autenticación de QGIS de un catálogo privado (sus cabeceras solo van a la dirección del propio catálogo).
S3_AUTHCFG: para los recursos s3:// de buckets privados o de pago por el solicitante, una configuración Basic (nombre de usuario = identificador de clave de acceso, contraseña = clave secreta); vacío: las credenciales S3 de los ajustes del complemento, si no, lecturas anónimas. El punto de acceso S3 (AWS por defecto) se ajusta en los ajustes del complemento.
OUTPUT_DIR: dónde se escriben los archivos.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="109"/>
        <source>S3 credentials of s3:// assets (empty: the plugin settings)</source>
        <translation>Credenciales S3 de los recursos s3:// (vacío: los ajustes del complemento)</translation>
    </message>
</context>
<context>
    <name>ProductCut</name>
    <message>
        <location filename="../plugin/core/providers/eodag/cut.py" line="306"/>
        <source>{path} has no band {index}.</source>
        <translation>{path} no tiene la banda {index}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/cut.py" line="315"/>
        <source>select band {index} of {path}</source>
        <translation>seleccionar la banda {index} de {path}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/cut.py" line="343"/>
        <source>cut {path} to the area of interest</source>
        <translation>recortar {path} al área de interés</translation>
    </message>
</context>
<context>
    <name>Raster</name>
    <message>
        <location filename="../plugin/core/raster.py" line="95"/>
        <source>GDAL could not {what}.</source>
        <translation>GDAL no pudo {what}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="504"/>
        <source>open {path}</source>
        <translation>abrir {path}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="592"/>
        <source>The area of interest is not valid GeoJSON.</source>
        <translation>El área de interés no es un GeoJSON válido.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="431"/>
        <source>The area of interest must be a polygon, not {kind}.</source>
        <translation>El área de interés debe ser un polígono, no {kind}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="454"/>
        <source>The area of interest is empty.</source>
        <translation>El área de interés está vacía.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="522"/>
        <source>The tiles do not share one coordinate system ({path}).</source>
        <translation>Las teselas no comparten un mismo sistema de coordenadas ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1082"/>
        <source>The tiles do not have the same bands ({path}).</source>
        <translation>Las teselas no tienen las mismas bandas ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="530"/>
        <source>The tiles do not have the same pixel size ({path}).</source>
        <translation>Las teselas no tienen el mismo tamaño de píxel ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1087"/>
        <source>The tiles are not on one pixel grid ({path}).</source>
        <translation>Las teselas no están en una misma cuadrícula de píxeles ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1175"/>
        <source>There are no tiles to combine.</source>
        <translation>No hay teselas que combinar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1344"/>
        <source>{n} band names were given for {m} bands.</source>
        <translation>Se dieron {n} nombres de banda para {m} bandas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1119"/>
        <source>combine the tiles</source>
        <translation>combinar las teselas</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="793"/>
        <source>mask the raster</source>
        <translation>enmascarar el ráster</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="319"/>
        <source>write {path}</source>
        <translation>escribir {path}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1229"/>
        <source>build overviews</source>
        <translation>construir las pirámides</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1276"/>
        <source>There are no bands to stack.</source>
        <translation>No hay bandas que apilar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1278"/>
        <source>{n} band names were given for {m} files.</source>
        <translation>Se dieron {n} nombres de banda para {m} archivos.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1286"/>
        <source>{path} has {n} bands; a stack takes single-band files.</source>
        <translation>{path} tiene {n} bandas; una pila solo admite archivos de una banda.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1290"/>
        <source>The band files do not share one coordinate system ({path}).</source>
        <translation>Los archivos de bandas no comparten un mismo sistema de coordenadas ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1327"/>
        <source>Cannot read the NumPy file {path}: {error}</source>
        <translation>No se puede leer el archivo NumPy {path}: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1332"/>
        <source>The NumPy array has {n} dimensions; 2 were expected.</source>
        <translation>La matriz NumPy tiene {n} dimensiones; se esperaban 2.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1340"/>
        <source>The NumPy array has {n} dimensions; 2 or 3 were expected.</source>
        <translation>La matriz NumPy tiene {n} dimensiones; se esperaban 2 o 3.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1349"/>
        <source>Unsupported pixel type {dtype}.</source>
        <translation>Tipo de píxel {dtype} no admitido.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1354"/>
        <source>Unknown coordinate system: {crs}</source>
        <translation>Sistema de coordenadas desconocido: {crs}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1356"/>
        <source>A geotransform has 6 numbers.</source>
        <translation>Una geotransformación tiene 6 números.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="601"/>
        <source>transform the area of interest</source>
        <translation>transformar el área de interés</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="228"/>
        <source>The server sent a web page instead of an image ({name}): {words}</source>
        <translation>El servidor envió una página web en lugar de una imagen ({name}): {words}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="228"/>
        <source>The link may have expired or need a sign-in; try again later.</source>
        <translation>Puede que el enlace haya caducado o requiera iniciar sesión; inténtelo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="232"/>
        <source>The server sent a message instead of an image ({name}): {words}</source>
        <translation>El servidor envió un mensaje en lugar de una imagen ({name}): {words}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="239"/>
        <source>{name} ({size} bytes) is not an image GDAL can read: {detail}</source>
        <translation>{name} ({size} bytes) no es una imagen que GDAL pueda leer: {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="239"/>
        <source>The server sent a damaged file; try again later.</source>
        <translation>El servidor envió un archivo dañado; inténtelo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="266"/>
        <source>The server sent a tile that does not match the request ({name}): {want} was asked for, {got} came.</source>
        <translation>El servidor envió una tesela que no corresponde a la solicitud ({name}): se pidió {want}, llegó {got}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="266"/>
        <source>Earth Engine sent another grid than the one requested; try again later.</source>
        <translation>Earth Engine envió una cuadrícula distinta de la solicitada; inténtelo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="274"/>
        <source>{w} x {h} pixels, {n} band(s)</source>
        <translation>{w} x {h} píxeles, {n} banda(s)</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="299"/>
        <source>{member} in {name} is not an image GDAL can read: {detail}</source>
        <translation>{member} en {name} no es una imagen que GDAL pueda leer: {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="342"/>
        <source>The folder {name} holds no image.</source>
        <translation>La carpeta {name} no contiene ninguna imagen.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="348"/>
        <source>The output {path} does not exist.</source>
        <translation>El resultado {path} no existe.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="133"/>
        <source>read the pixels</source>
        <translation>leer los píxeles</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="147"/>
        <source>write the pixels</source>
        <translation>escribir los píxeles</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.ui" line="5"/>
        <source>EO Downloader settings</source>
        <translation>Configuración de EO Downloader</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="19"/>
        <source>Google Earth Engine</source>
        <translation>Google Earth Engine</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="21"/>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="31"/>
        <source>Cloud project</source>
        <translation>Proyecto de Cloud</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="50"/>
        <source>API base URL</source>
        <translation>URL base de la API</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="35"/>
        <source>Token endpoint</source>
        <translation>Endpoint de token</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="44"/>
        <source>EOSDA API Connect</source>
        <translation>EOSDA API Connect</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="46"/>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="76"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="78"/>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="80"/>
        <source>Largest area (km²)</source>
        <translation>Superficie máxima (km²)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="44"/>
        <source>Parallel tiles</source>
        <translation type="obsolete">Teselas en paralelo</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="84"/>
        <source>Verify TLS certificates (turn off only for a trusted test server)</source>
        <translation>Verificar los certificados TLS (desactivar solo para un servidor de pruebas de confianza)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="175"/>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="202"/>
        <source>Testing the Earth Engine connection</source>
        <translation>Probando la conexión con Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="218"/>
        <source>Testing the EOSDA connection</source>
        <translation>Probando la conexión con EOSDA</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="53"/>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="38"/>
        <source>Reads a small public image and asks for a download id with these settings (nothing is downloaded).</source>
        <translation>Lee una pequeña imagen pública y solicita un ID de descarga con esta configuración (no se descarga nada).</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="53"/>
        <source>Runs a one-scene search with this key.</source>
        <translation>Ejecuta una búsqueda de una escena con esta clave.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="75"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="64"/>
        <source>⚠ Credentials: the token of the environment variable {}
    (no configuration is chosen here).</source>
        <translation>⚠ Credenciales: el token de la variable de entorno {}
    (no se eligió ninguna configuración aquí).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="67"/>
        <source>Credentials: the earthengine credentials file {}
    (no configuration is chosen here).</source>
        <translation>Credenciales: el archivo de credenciales de earthengine {}
    (no se eligió ninguna configuración aquí).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="70"/>
        <source>Credentials: none yet; choose or create a configuration.</source>
        <translation>Credenciales: ninguna todavía; elija o cree una configuración.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="78"/>
        <source>⚠ API key: the environment variable {}
    (no configuration is chosen here).</source>
        <translation>⚠ Clave de API: la variable de entorno {}
    (no se eligió ninguna configuración aquí).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="78"/>
        <source>API key: none yet; choose or create a configuration.</source>
        <translation>Clave de API: ninguna todavía; elija o cree una configuración.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="93"/>
        <source>Google Earth Engine (sign in)</source>
        <translation>Google Earth Engine (inicio de sesión)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="98"/>
        <source>An OAuth2 configuration was created: QGIS opens the browser to sign in with Google when it is first used (Test connection does that now).</source>
        <translation>Se creó una configuración OAuth2: QGIS abre el navegador para iniciar sesión con Google la primera vez que se usa (Probar la conexión lo hace ahora).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="106"/>
        <source>Google Earth Engine (earthengine credentials)</source>
        <translation>Google Earth Engine (credenciales de earthengine)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="113"/>
        <source>Your earthengine credentials were copied into QGIS&apos;s encrypted authentication database.</source>
        <translation>Sus credenciales de earthengine se copiaron en la base de datos de autenticación cifrada de QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="228"/>
        <source>⚠ {}: {}
    set by the environment variable {}, which overrides this dialog.</source>
        <translation>⚠ {}: {}
    fijado por la variable de entorno {}, que prevalece sobre este diálogo.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="230"/>
        <source>{}: {}</source>
        <translation>{}: {}</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="27"/>
        <source>Sign in with Google…</source>
        <translation>Iniciar sesión con Google…</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="27"/>
        <source>Creates an OAuth2 configuration for Earth Engine (Google&apos;s client, scopes and token URL filled in); QGIS opens the browser to sign in the first time it is used.</source>
        <translation>Crea una configuración OAuth2 para Earth Engine (cliente de Google, ámbitos y URL del token ya rellenados); QGIS abre el navegador para iniciar sesión la primera vez que se usa.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="28"/>
        <source>Use my earthengine credentials</source>
        <translation>Usar mis credenciales de earthengine</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="28"/>
        <source>Copies the refresh token that &quot;earthengine authenticate&quot; saved in ~/.config/earthengine/credentials into QGIS&apos;s encrypted authentication database.</source>
        <translation>Copia el token de actualización que &quot;earthengine authenticate&quot; guardó en ~/.config/earthengine/credentials en la base de datos de autenticación cifrada de QGIS.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="59"/>
        <source>STAC catalogues</source>
        <translation>Catálogos STAC</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="61"/>
        <source>Default catalogue</source>
        <translation>Catálogo predeterminado</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="63"/>
        <source>Planetary Computer token endpoint</source>
        <translation>Servicio de tokens de Planetary Computer</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="82"/>
        <source>Earth Engine requests at once (at most)</source>
        <translation>Solicitudes simultáneas a Earth Engine (como máximo)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="83"/>
        <source>Downloads start with a few requests at once and send more while Earth Engine keeps up, fewer when it asks to slow down. Lower this on a project with a small quota (Earth Engine allows 40 per project).</source>
        <translation>Las descargas empiezan con unas pocas solicitudes simultáneas y envían más mientras Earth Engine responde a tiempo, menos cuando pide ir más despacio. Reduzca este valor en un proyecto con una cuota pequeña (Earth Engine permite 40 por proyecto).</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="85"/>
        <source>Also add single bands (besides the composite of a download)</source>
        <translation>Añadir también las bandas sueltas (además de la composición de una descarga)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="85"/>
        <source>A download of several bands adds its composite, drawn as RGB; tick this to add each band as a layer of its own too.</source>
        <translation>Una descarga de varias bandas añade su composición, dibujada en RGB; marque esto para añadir también cada banda como una capa propia.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="23"/>
        <source>An OAuth2 configuration (you sign in with Google), or a Basic one whose password is
the JSON of &quot;earthengine authenticate&quot; or of a service-account key; the buttons make one.</source>
        <translation>Una configuración OAuth2 (inicia sesión con Google), o una Basic cuya contraseña es
el JSON de &quot;earthengine authenticate&quot; o de una clave de cuenta de servicio; los botones crean una.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="48"/>
        <source>An &quot;API key / token&quot; (EsriToken) configuration whose token is your EOSDA API key,
or a Basic one whose password is the key.</source>
        <translation>Una configuración &quot;API key / token&quot; (EsriToken) cuyo token es su clave de API de EOSDA,
o una Basic cuya contraseña es la clave.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="65"/>
        <source>S3 credentials</source>
        <translation>Credenciales S3</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="67"/>
        <source>For s3:// assets of private or requester-pays buckets: a Basic configuration
(user name = access key id, password = secret key). Empty: anonymous reads.</source>
        <translation>Para los recursos s3:// de buckets privados o de pago por el solicitante: una configuración Basic
(nombre de usuario = identificador de clave de acceso, contraseña = clave secreta). Vacío: lecturas anónimas.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="69"/>
        <source>S3 endpoint</source>
        <translation>Punto de acceso S3</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="70"/>
        <source>AWS (empty), or e.g. https://minio.example.org</source>
        <translation>AWS (vacío), o p. ej. https://minio.example.org</translation>
    </message>
</context>
<context>
    <name>Stac</name>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="28"/>
        <source>The authentication configuration holds no user name or password.</source>
        <translation>La configuración de autenticación no contiene ni nombre de usuario ni contraseña.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="40"/>
        <source>The authentication configuration holds no token.</source>
        <translation>La configuración de autenticación no contiene ningún token.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="53"/>
        <source>The header &apos;{}&apos; of the authentication configuration is not a valid HTTP header.</source>
        <translation>La cabecera «{}» de la configuración de autenticación no es una cabecera HTTP válida.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="57"/>
        <source>The authentication configuration holds no header.</source>
        <translation>La configuración de autenticación no contiene ninguna cabecera.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="119"/>
        <source>The date &apos;{}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>«{}» no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="124"/>
        <source>The dates are reversed: the start {} is after the end {}.</source>
        <translation>Las fechas están invertidas: el inicio {} es posterior al final {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="133"/>
        <source>No collection is chosen: load the catalogue&apos;s collections and pick one.</source>
        <translation>No se ha elegido ninguna colección: cargue las colecciones del catálogo y elija una.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="136"/>
        <source>The maximum cloud cover must be between 0 and 100 %.</source>
        <translation>La cobertura de nubes máxima debe estar entre 0 y 100 %.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="138"/>
        <source>The page size and the maximum number of items must be positive.</source>
        <translation>El tamaño de página y el número máximo de ítems deben ser positivos.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="152"/>
        <source>The catalogue address must be an http(s) URL, not &apos;{}&apos;.</source>
        <translation>La dirección del catálogo debe ser una URL http(s), no «{}».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="187"/>
        <source>The STAC catalogue {} refused the request (HTTP {}): {}</source>
        <translation>El catálogo STAC {} rechazó la solicitud (HTTP {}): {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="187"/>
        <source>A private catalogue needs an authentication configuration (Basic, OAuth2, or an API header); check the one chosen.</source>
        <translation>Un catálogo privado necesita una configuración de autenticación (Basic, OAuth2 o una cabecera de API); compruebe la elegida.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="194"/>
        <source>The STAC catalogue answered {} {} with HTTP {}: {}</source>
        <translation>El catálogo STAC respondió a {} {} con HTTP {}: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="240"/>
        <source>The catalogue&apos;s collection list is not a STAC answer (no &apos;collections&apos;): {}</source>
        <translation>La lista de colecciones del catálogo no es una respuesta STAC (sin «collections»): {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="262"/>
        <source>The catalogue {} has no collection &apos;{}&apos;.</source>
        <translation>El catálogo {} no tiene ninguna colección «{}».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="262"/>
        <source>Load the catalogue&apos;s collections and pick one of them.</source>
        <translation>Cargue las colecciones del catálogo y elija una de ellas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="287"/>
        <source>The catalogue {} does not offer item search (its conformance does not list &apos;item-search&apos;).</source>
        <translation>El catálogo {} no ofrece búsqueda de ítems (su conformidad no incluye «item-search»).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="305"/>
        <source>The catalogue cannot sort (no sort extension): these are the first items it gave, not necessarily the newest.</source>
        <translation>El catálogo no puede ordenar (sin extensión sort): son los primeros ítems que devolvió, no necesariamente los más recientes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="308"/>
        <source>The catalogue searches by GET only: it was asked for the area&apos;s bounding box, and the items outside the area itself were left out here.</source>
        <translation>El catálogo solo busca por GET: se le pidió el rectángulo envolvente de la zona, y los ítems fuera de la zona misma se descartaron aquí.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="328"/>
        <source>The catalogue&apos;s search answer is not a STAC item collection (no &apos;features&apos;).</source>
        <translation>La respuesta de búsqueda del catálogo no es una colección de ítems STAC (sin «features»).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="350"/>
        <source>The search stopped at {} items; narrow the period or the area, or raise the maximum, to see more.</source>
        <translation>La búsqueda se detuvo en {} ítems; reduzca el periodo o la zona, o aumente el máximo, para ver más.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="350"/>
        <source>The search stopped at {} of {} matching items; narrow the period or the area, or raise the maximum, to see more.</source>
        <translation>La búsqueda se detuvo en {} de {} ítems coincidentes; reduzca el periodo o la zona, o aumente el máximo, para ver más.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="391"/>
        <source>{} items over {:g} % cloud cover were left out.</source>
        <translation>Se descartaron {} ítems con más de {:g} % de cobertura de nubes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="395"/>
        <source>{} items give no cloud cover ({}): they were kept.</source>
        <translation>{} ítems no indican cobertura de nubes ({}): se conservaron.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="401"/>
        <source>{} is not a STAC API: its landing page is not the JSON of a STAC catalogue (check the address; it is usually the one ending in /v1 or /api/stac/v1).</source>
        <translation>{} no es una API STAC: su página de inicio no es el JSON de un catálogo STAC (compruebe la dirección; suele ser la que termina en /v1 o /api/stac/v1).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="407"/>
        <source>Cloud cover filtered by the catalogue (CQL2 filter).</source>
        <translation>Cobertura de nubes filtrada por el catálogo (filtro CQL2).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="409"/>
        <source>Cloud cover filtered by the catalogue (query extension).</source>
        <translation>Cobertura de nubes filtrada por el catálogo (extensión query).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="410"/>
        <source>The catalogue supports neither the filter nor the query extension: cloud cover filtered here.</source>
        <translation>El catálogo no admite ni la extensión filter ni la extensión query: cobertura de nubes filtrada aquí.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="49"/>
        <source>The catalogue address must start with http:// or https://.</source>
        <translation>La dirección del catálogo debe empezar por http:// o https://.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="52"/>
        <source>Choose at least one asset (e.g. red, green, blue).</source>
        <translation>Elija al menos un recurso (p. ej. red, green, blue).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="54"/>
        <source>There is no item to download.</source>
        <translation>No hay ningún ítem que descargar.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="56"/>
        <source>The job has no area of interest.</source>
        <translation>La tarea no tiene zona de interés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="58"/>
        <source>Unknown signing of asset links: {mode}</source>
        <translation>Firma de enlaces de recursos desconocida: {mode}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="119"/>
        <source>{n} item(s) on {d} date(s) to read.</source>
        <translation>{n} ítem(s) en {d} fecha(s) por leer.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="139"/>
        <source>{id}: no asset {key}.</source>
        <translation>{id}: no hay recurso {key}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="151"/>
        <source>{day}: reading {n} item(s) within the area.</source>
        <translation>{day}: leyendo {n} ítem(s) dentro del área.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="174"/>
        <source>{day}: writing the mosaic.</source>
        <translation>{day}: escribiendo el mosaico.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="189"/>
        <source>No item could be read: {items}</source>
        <translation>No se pudo leer ningún ítem: {items}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="191"/>
        <source>None of the {n} item(s) covers the area of interest with the assets {assets}.</source>
        <translation>Ninguno de los {n} ítem(s) cubre el área de interés con los recursos {assets}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="200"/>
        <source>{n} date(s) written.</source>
        <translation>{n} fecha(s) escrita(s).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="203"/>
        <source>Already written, not read again: {days}.</source>
        <translation>Ya escrito, no se vuelve a leer: {days}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="206"/>
        <source>No item covers the area on: {days}.</source>
        <translation>Ningún ítem cubre el área en: {days}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="208"/>
        <source>Not read (run the job again to retry them): {items}.</source>
        <translation>No leídos (vuelva a ejecutar el trabajo para reintentarlos): {items}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/signing.py" line="69"/>
        <source>Planetary Computer gave no access token for the collection &apos;{}&apos;: {}</source>
        <translation>Planetary Computer no dio ningún token de acceso para la colección «{}»: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/signing.py" line="77"/>
        <source>Planetary Computer&apos;s token endpoint answered without a token and its expiry for the collection &apos;{}&apos;.</source>
        <translation>El servicio de tokens de Planetary Computer respondió sin token ni caducidad para la colección «{}».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/signing.py" line="113"/>
        <source>Unknown signing &apos;{}&apos; for the catalogue {}; use one of: {}.</source>
        <translation>Firma «{}» desconocida para el catálogo {}; use una de: {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/stack.py" line="29"/>
        <source>The item {id} has no date.</source>
        <translation>El ítem {id} no tiene fecha.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/stack.py" line="33"/>
        <source>The item {id} has a date that cannot be read: {date}</source>
        <translation>El ítem {id} tiene una fecha que no se puede leer: {date}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="67"/>
        <source>The S3 authentication configuration needs an access key id (user name) and a secret key (password).</source>
        <translation>La configuración de autenticación S3 necesita un identificador de clave de acceso (nombre de usuario) y una clave secreta (contraseña).</translation>
    </message>
</context>
<context>
    <name>StacS3</name>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="79"/>
        <source>The S3 credentials were refused for the asset {key} ({href}): check the access key id and the secret key.</source>
        <translation>Las credenciales S3 fueron rechazadas para el recurso {key} ({href}): compruebe el identificador de clave de acceso y la clave secreta.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="83"/>
        <source>S3 refused to give the asset {key} ({href}) to these credentials.</source>
        <translation>S3 se negó a dar el recurso {key} ({href}) a estas credenciales.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="86"/>
        <source>The asset {key} ({href}) is in a requester-pays bucket: reading it needs S3 credentials (the reads are billed to them).</source>
        <translation>El recurso {key} ({href}) está en un bucket de pago por el solicitante: leerlo requiere credenciales S3 (las lecturas se les facturan).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="89"/>
        <source>The asset {key} ({href}) is in a private S3 bucket: choose S3 credentials (plugin settings, STAC catalogues; or S3_AUTHCFG in Processing), a Basic configuration: user name = access key id, password = secret key.</source>
        <translation>El recurso {key} ({href}) está en un bucket S3 privado: elija credenciales S3 (ajustes del complemento, catálogos STAC; o S3_AUTHCFG en Procesos), una configuración Basic: nombre de usuario = identificador de clave de acceso, contraseña = clave secreta.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="94"/>
        <source>The bucket of the asset {key} does not exist: {href}</source>
        <translation>El bucket del recurso {key} no existe: {href}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="97"/>
        <source>The asset {key} is not in its bucket: {href}</source>
        <translation>El recurso {key} no está en su bucket: {href}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="118"/>
        <source>The copy of {dest} stopped after {done} of {size} bytes: {error}</source>
        <translation>La copia de {dest} se detuvo tras {done} de {size} bytes: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="544"/>
        <source>{key}: copying {href} ({size} bytes) to read it in full.</source>
        <translation>{key}: copiando {href} ({size} bytes) para leerlo completo.</translation>
    </message>
</context>
<context>
    <name>StacTab</name>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="132"/>
        <source>Search the collection&apos;s items over the area.</source>
        <translation>Buscar los ítems de la colección sobre la zona.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="135"/>
        <source>Search items first.</source>
        <translation>Busque primero ítems.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="137"/>
        <source>Check at least one asset.</source>
        <translation>Marque al menos un asset.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="139"/>
        <source>Read the area&apos;s window of the chosen assets as a background job.</source>
        <translation>Leer la ventana de la zona en los assets elegidos, como trabajo en segundo plano.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="149"/>
        <source>STAC collections</source>
        <translation>Colecciones STAC</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="151"/>
        <source>Loading collections…</source>
        <translation>Cargando colecciones…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="167"/>
        <source>{} collections.</source>
        <translation>{} colecciones.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="180"/>
        <source>STAC item search</source>
        <translation>Búsqueda de ítems STAC</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="188"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="214"/>
        <source>{} items found.</source>
        <translation>{} ítems encontrados.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="253"/>
        <source>No thumbnail.</source>
        <translation>Sin miniatura.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="258"/>
        <source>STAC thumbnail</source>
        <translation>Miniatura STAC</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="272"/>
        <source>The thumbnail is not an image.</source>
        <translation>La miniatura no es una imagen.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="289"/>
        <source>Search items and check at least one asset first.</source>
        <translation>Busque primero ítems y marque al menos un asset.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="296"/>
        <source>STAC {} ({} items)</source>
        <translation>STAC {} ({} ítems)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="301"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation>Trabajo «{}» enviado; sígalo en el panel Trabajos.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="6"/>
        <source>Catalogue</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="7"/>
        <source>A known STAC API, or the root URL of any other (e.g. https://example.org/stac/v1).</source>
        <translation>Una API STAC conocida, o la URL raíz de cualquier otra (p. ej. https://example.org/stac/v1).</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="8"/>
        <source>Authentication</source>
        <translation>Autenticación</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="10"/>
        <source>Load collections</source>
        <translation>Cargar colecciones</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="11"/>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="13"/>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="20"/>
        <source>Max. cloud (%)</source>
        <translation>Nubes máx. (%)</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="21"/>
        <source>100: no limit.</source>
        <translation>100: sin límite.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="22"/>
        <source>Max. items</source>
        <translation>Ítems máx.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="24"/>
        <source>Search items</source>
        <translation>Buscar ítems</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="30"/>
        <source>The items to download: the selected ones, or all when none is selected.</source>
        <translation>Los ítems que descargar: los seleccionados, o todos si no hay ninguno seleccionado.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="32"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="33"/>
        <source>Cloud %</source>
        <translation>Nubes %</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="34"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="38"/>
        <source>Thumbnail</source>
        <translation>Miniatura</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="40"/>
        <source>Assets</source>
        <translation>Assets</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="41"/>
        <source>The assets to read, in band order.</source>
        <translation>Los assets que leer, en el orden de las bandas.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="42"/>
        <source>Stack as VRT</source>
        <translation>Apilar como VRT</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="42"/>
        <source>Also write a multi-band VRT time stack of the dates.</source>
        <translation>Escribir también una pila temporal VRT multibanda de las fechas.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="43"/>
        <source>Download the AOI from the items</source>
        <translation>Descargar la zona desde los ítems</translation>
    </message>
</context>
<context>
    <name>StacWindow</name>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="276"/>
        <source>The raster has no georeferencing.</source>
        <translation>El ráster no tiene georreferenciación.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="334"/>
        <source>GDAL could not read the window: {error}</source>
        <translation>GDAL no pudo leer la ventana: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="467"/>
        <source>{key}: the file is not tiled; it is downloaded in full, then cut.</source>
        <translation>{key}: el archivo no está en teselas; se descarga completo y luego se recorta.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="569"/>
        <source>The asset {key} could not be opened: {error}</source>
        <translation>No se pudo abrir el recurso {key}: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="586"/>
        <source>The archive of asset {key} holds {n} rasters; none is named after the asset.</source>
        <translation>El archivo comprimido del recurso {key} contiene {n} rásteres; ninguno lleva el nombre del recurso.</translation>
    </message>
</context>
<context>
    <name>TaskButton</name>
    <message>
        <location filename="../plugin/gui/task_button.py" line="52"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../plugin/gui/task_button.py" line="53"/>
        <source>Stop: {}</source>
        <translation>Detener: {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/task_button.py" line="78"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../plugin/adapters/tasks.py" line="283"/>
        <source>{task}: no complete answer within {seconds:.0f} s, stopped. The service may be slow or unreachable; try again later.</source>
        <translation>{task}: ninguna respuesta completa en {seconds:.0f} s, detenido. El servicio puede estar lento o inaccesible; vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/tasks.py" line="287"/>
        <source>{task}: stopped.</source>
        <translation>{task}: detenido.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/tasks.py" line="87"/>
        <source>{} (cancelled)</source>
        <translation>{} (cancelada)</translation>
    </message>
</context>
<context>
    <name>Titles</name>
    <message>
        <location filename="../plugin/core/titles.py" line="20"/>
        <source>Earth Engine export</source>
        <translation>Exportación de Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/core/titles.py" line="28"/>
        <source>{} ha</source>
        <translation>{} ha</translation>
    </message>
    <message>
        <location filename="../plugin/core/titles.py" line="29"/>
        <source>{} km²</source>
        <translation>{} km²</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="275"/>
        <source>{} is already being downloaded.</source>
        <translation>{} ya se está descargando.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="798"/>
        <source>Not enough free disk space in {folder}: the download needs {need} but only {free} are available.</source>
        <translation>No hay suficiente espacio libre en disco en {folder}: la descarga necesita {need} pero solo hay {free} disponibles.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="798"/>
        <source>Free some space or choose another output folder.</source>
        <translation>Libere espacio o elija otra carpeta de salida.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="363"/>
        <source>The server sent an HTML page instead of the file: {}</source>
        <translation>El servidor envió una página HTML en lugar del archivo: {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="365"/>
        <source>The server sent an HTML page instead of the file.</source>
        <translation>El servidor envió una página HTML en lugar del archivo.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="367"/>
        <source>The link may have expired or need a sign-in.</source>
        <translation>Puede que el enlace haya caducado o requiera iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="396"/>
        <source>{url} answered HTTP {status} {reason} instead of the file.</source>
        <translation>{url} respondió HTTP {status} {reason} en lugar del archivo.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="406"/>
        <source>{url} sent {ctype}, which is not the expected kind of file.</source>
        <translation>{url} envió {ctype}, que no es el tipo de archivo esperado.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="509"/>
        <source>{url} announces {size} bytes but {expected} bytes were expected.</source>
        <translation>{url} anuncia {size} bytes pero se esperaban {expected} bytes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="511"/>
        <source>The download of {url} has {size} bytes but {expected} bytes were expected.</source>
        <translation>La descarga de {url} tiene {size} bytes pero se esperaban {expected} bytes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="522"/>
        <source>{url} sent more data than it announced ({total} bytes).</source>
        <translation>{url} envió más datos de los que anunció ({total} bytes).</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1275"/>
        <source>the connection closed after {} of {} bytes</source>
        <translation>la conexión se cerró tras {} de {} bytes</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="633"/>
        <source>The download of {url} is incomplete ({done} of {total} bytes).</source>
        <translation>La descarga de {url} está incompleta ({done} de {total} bytes).</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="650"/>
        <source>The download of {url} is corrupt: its {algo} checksum is {actual}, the server announced {expected}.</source>
        <translation>La descarga de {url} está dañada: su suma de comprobación {algo} es {actual}, el servidor anunció {expected}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="650"/>
        <source>Try again; if it repeats, the server sends a broken file.</source>
        <translation>Vuelva a intentarlo; si se repite, es el servidor el que envía un archivo defectuoso.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="680"/>
        <source>{} is a folder; cannot save the download there.</source>
        <translation>{} es una carpeta; no se puede guardar allí la descarga.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="740"/>
        <source>{url} keeps changing during the download.</source>
        <translation>{url} cambia continuamente durante la descarga.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="751"/>
        <source>The download of {url} failed: {error} (gave up after {n} attempts).</source>
        <translation>La descarga de {url} falló: {error} (abandonada tras {n} intentos).</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="754"/>
        <source>Try again later; the download will resume where it stopped.</source>
        <translation>Vuelva a intentarlo más tarde; la descarga se reanudará donde se detuvo.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="873"/>
        <source>A destination file or folder is needed for a download.</source>
        <translation>Una descarga necesita un archivo o carpeta de destino.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="944"/>
        <source>Could not save the download of {url}: {error}</source>
        <translation>No se pudo guardar la descarga de {url}: {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="627"/>
        <source>{url} sent an empty file.</source>
        <translation>{url} envió un archivo vacío.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="627"/>
        <source>The product may not be ready yet, or the request selects no data.</source>
        <translation>Puede que el producto aún no esté listo, o que la solicitud no seleccione ningún dato.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="527"/>
        <source>{url} sent more than {size} without announcing its size; the limit is {limit}.</source>
        <translation>{url} envió más de {size} sin anunciar su tamaño; el límite es de {limit}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="527"/>
        <source>The server sends far more than such a file holds; check the address or try again later.</source>
        <translation>El servidor envía mucho más de lo que contiene un archivo así; compruebe la dirección o vuelva a intentarlo más tarde.</translation>
    </message>
</context>
</TS>
