<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Aoi</name>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="17"/>
        <source>The layer or map has no valid coordinate reference system.</source>
        <translation>La couche ou la carte n'a pas de système de coordonnées de référence valide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="139"/>
        <source>The extent is empty.</source>
        <translation>L'emprise est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="187"/>
        <source>The area of interest must be a polygon, not a {} geometry: use a polygon layer or draw a polygon.</source>
        <translation>La zone d'intérêt doit être un polygone, pas une géométrie de type {} : utilisez une couche de polygones ou dessinez un polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="69"/>
        <source>Choose a vector layer with polygons.</source>
        <translation>Choisissez une couche vecteur de polygones.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="71"/>
        <source>The layer &apos;{}&apos; holds {} geometries; the area of interest must be polygons.</source>
        <translation>La couche « {} » contient des géométries de type {} ; la zone d'intérêt doit être constituée de polygones.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="75"/>
        <source>No feature is selected in &apos;{}&apos;: select one or more polygons, or use the map extent.</source>
        <translation>Aucune entité n'est sélectionnée dans « {} » : sélectionnez un ou plusieurs polygones, ou utilisez l'emprise de la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="113"/>
        <source>The area of interest layer could not be read.</source>
        <translation>La couche de la zone d'intérêt n'a pas pu être lue.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="115"/>
        <source>The area of interest must be a polygon layer.</source>
        <translation>La zone d'intérêt doit être une couche de polygones.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="119"/>
        <source>The area of interest layer has no features (or none selected).</source>
        <translation>La couche de la zone d'intérêt n'a aucune entité (ou aucune n'est sélectionnée).</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="154"/>
        <source>The geometry could not be read: {}</source>
        <translation>La géométrie n'a pas pu être lue : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="169"/>
        <source>The GeoJSON could not be read: {}</source>
        <translation>Le GeoJSON n'a pas pu être lu : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="179"/>
        <source>No feature is selected: select one or more polygons, or use the map extent.</source>
        <translation>Aucune entité n'est sélectionnée : sélectionnez un ou plusieurs polygones, ou utilisez l'emprise de la carte.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="193"/>
        <source>The geometry collection holds no polygon.</source>
        <translation>La collection de géométries ne contient aucun polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="196"/>
        <source>The selected geometry is empty.</source>
        <translation>La géométrie sélectionnée est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="200"/>
        <source>The geometry was invalid ({}) and has been repaired.</source>
        <translation>La géométrie était invalide ({}) et a été réparée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="205"/>
        <source>The area of interest has no area (its points are on one line or repaired to nothing).</source>
        <translation>La zone d'intérêt n'a pas de superficie (ses points sont alignés ou la réparation n'a rien laissé).</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="223"/>
        <source>The area crosses the antimeridian (180°) and was split into {} parts.</source>
        <translation>La zone traverse l'antiméridien (180°) et a été découpée en {} parties.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="228"/>
        <source>The area of interest lies outside the valid range of longitude/latitude: check the layer&apos;s CRS.</source>
        <translation>La zone d'intérêt est en dehors de la plage valide de longitude/latitude : vérifiez le SCR de la couche.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="233"/>
        <source>The area of interest has no area.</source>
        <translation>La zone d'intérêt n'a pas de superficie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="235"/>
        <source>The area of interest covers {:,.0f} km², more than the maximum of {:,.0f} km²: choose a smaller area or raise the limit in the settings.</source>
        <translation type="obsolete">La zone d'intérêt couvre {:,.0f} km², plus que le maximum de {:,.0f} km² : choisissez une zone plus petite ou augmentez la limite dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="311"/>
        <source>The area of interest had {} vertices, more than the {} accepted; it was simplified with a tolerance of about {:.1f} m.</source>
        <translation>La zone d'intérêt avait {} sommets, plus que les {} acceptés ; elle a été simplifiée avec une tolérance d'environ {:.1f} m.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="427"/>
        <source>The coordinate reference system &apos;{}&apos; is not known.</source>
        <translation>Le système de coordonnées de référence « {} » est inconnu.</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="433"/>
        <source>The area of interest cannot be expressed in longitude/latitude from {}: check the layer&apos;s CRS.</source>
        <translation>La zone d'intérêt ne peut pas être exprimée en longitude/latitude depuis {} : vérifiez le SCR de la couche.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="89"/>
        <source>feature {}</source>
        <translation>entité {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="236"/>
        <source>The area of interest covers {} km², more than the maximum of {} km²: choose a smaller area or raise the limit in the settings.</source>
        <translation>La zone d'intérêt couvre {} km², plus que le maximum de {} km² : choisissez une zone plus petite ou augmentez la limite dans les paramètres.</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="61"/>
        <source>The archive {name} is corrupt or truncated: {detail}</source>
        <translation>L'archive {name} est corrompue ou tronquée : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="61"/>
        <source>Download it again; if this repeats, the server sends a broken file.</source>
        <translation>Téléchargez-la à nouveau ; si cela se répète, c'est le serveur qui envoie un fichier défectueux.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="92"/>
        <source>The archive {} does not exist.</source>
        <translation>L'archive {} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="187"/>
        <source>The archive may be malicious; nothing was extracted.</source>
        <translation>L'archive est peut-être malveillante ; rien n'a été extrait.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="145"/>
        <source>has an invalid name</source>
        <translation>a un nom non valide</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="138"/>
        <source>has an absolute path</source>
        <translation>a un chemin absolu</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="141"/>
        <source>points outside the destination (..)</source>
        <translation>pointe hors de la destination (..)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="149"/>
        <source>is a symbolic link</source>
        <translation>est un lien symbolique</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="151"/>
        <source>is a special file</source>
        <translation>est un fichier spécial</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="161"/>
        <source>exceeds the limit of {} members</source>
        <translation>dépasse la limite de {} entrées</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="171"/>
        <source>appears twice</source>
        <translation>apparaît deux fois</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="176"/>
        <source>makes the total size exceed {:.1f} GiB</source>
        <translation>porte la taille totale au-delà de {:.1f} Gio</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="181"/>
        <source>has a compression ratio of {:.0f}:1 (a zip bomb?)</source>
        <translation>a un taux de compression de {:.0f}:1 (une bombe zip ?)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="198"/>
        <source>is inside a file</source>
        <translation>se trouve à l'intérieur d'un fichier</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="195"/>
        <source>Not enough disk space to extract {name}: {need} needed, {free} free.</source>
        <translation type="obsolete">Pas assez d'espace disque pour extraire {name} : {need} nécessaires, {free} libres.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="305"/>
        <source>is larger than its header says</source>
        <translation>est plus grande que ne l'indique son en-tête</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="321"/>
        <source>Could not write {}: {}</source>
        <translation>Impossible d'écrire {} : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="325"/>
        <source>{} is shorter than its header says</source>
        <translation>{} est plus court que ne l'indique son en-tête</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="345"/>
        <source>{} exists and is not a folder.</source>
        <translation>{} existe et n'est pas un dossier.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="125"/>
        <source>Refusing to extract {name}: member “{member}” {why}.</source>
        <translation>Extraction de {name} refusée : l'entrée « {member} » {why}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="187"/>
        <source>Refusing to extract {name}: {size} of data packed in {packed} (a compression ratio of {ratio:.0f}:1, more than {limit:.0f}:1; a zip bomb?).</source>
        <translation>Extraction de {name} refusée : {size} de données compressées dans {packed} (un taux de compression de {ratio:.0f}:1, plus que {limit:.0f}:1 ; une bombe zip ?).</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="363"/>
        <source>Not enough disk space to extract {name}: {need} needed (with {margin} kept free), {free} free.</source>
        <translation>Pas assez d'espace disque pour extraire {name} : {need} nécessaires (dont {margin} laissés libres), {free} libres.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="363"/>
        <source>Free some space or choose another output folder.</source>
        <translation>Libérez de l'espace ou choisissez un autre dossier de sortie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="81"/>
        <source>The server sent a web page instead of the archive {name}: {words}</source>
        <translation>Le serveur a envoyé une page web au lieu de l'archive {name} : {words}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="81"/>
        <source>The link may have expired or need a sign-in; try again later.</source>
        <translation>Le lien a peut-être expiré ou demande une connexion ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/archive.py" line="84"/>
        <source>The server sent a message instead of the archive {name}: {words}</source>
        <translation>Le serveur a envoyé un message au lieu de l'archive {name} : {words}</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../plugin/core/checks.py" line="35"/>
        <source>Earth Engine answered: the credentials work with project {} (test image read, download request accepted).</source>
        <translation>Earth Engine a répondu : les identifiants fonctionnent avec le projet {} (image de test lue, requête de téléchargement acceptée).</translation>
    </message>
    <message>
        <location filename="../plugin/core/checks.py" line="44"/>
        <source>EOSDA answered: the API key works ({} scene(s) in the test search).</source>
        <translation>EOSDA a répondu : la clé d'API fonctionne ({} scène(s) dans la recherche de test).</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="42"/>
        <source>The authentication configuration &apos;{}&apos; was not found in QGIS&apos;s authentication database.</source>
        <translation>La configuration d'authentification « {} » est introuvable dans la base d'authentification de QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="42"/>
        <source>Pick or create one in the plugin settings.</source>
        <translation>Choisissez-en ou créez-en une dans les paramètres de l'extension.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="55"/>
        <source>The authentication configuration &apos;{}&apos; holds no EOSDA API key.</source>
        <translation>La configuration d'authentification « {} » ne contient aucune clé d'API EOSDA.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="61"/>
        <source>No EOSDA API key is set.</source>
        <translation>Aucune clé d'API EOSDA n'est définie.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="61"/>
        <source>Store your key in an authentication configuration in the plugin settings, or set EO_DOWNLOADER_EOSDA_API_KEY for headless runs.</source>
        <translation>Enregistrez votre clé dans une configuration d'authentification dans les paramètres de l'extension, ou définissez EO_DOWNLOADER_EOSDA_API_KEY pour les exécutions sans interface.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="78"/>
        <source>QGIS could not obtain an OAuth2 token from the authentication configuration &apos;{}&apos;.</source>
        <translation>QGIS n'a pas pu obtenir de jeton OAuth2 à partir de la configuration d'authentification « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="78"/>
        <source>Open Settings &gt; Options &gt; Authentication and check the configuration, then sign in again.</source>
        <translation>Ouvrez Préférences &gt; Options &gt; Authentification et vérifiez la configuration, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="142"/>
        <source>The authentication configuration &apos;{}&apos; ({}) holds no Earth Engine credential.</source>
        <translation>La configuration d'authentification « {} » ({}) ne contient aucun identifiant Earth Engine.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="120"/>
        <source>No Earth Engine credentials are set.</source>
        <translation>Aucun identifiant Earth Engine n'est défini.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="120"/>
        <source>Choose an authentication configuration (OAuth2, or the JSON of &apos;earthengine authenticate&apos; / a service-account key) in the plugin settings, or set EO_DOWNLOADER_EE_TOKEN for headless runs.</source>
        <translation>Choisissez une configuration d'authentification (OAuth2, ou le JSON de « earthengine authenticate » / d'une clé de compte de service) dans les paramètres de l'extension, ou définissez EO_DOWNLOADER_EE_TOKEN pour les exécutions sans interface.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="226"/>
        <source>The authentication configuration &apos;{}&apos; holds no username, password or API key for eodag.</source>
        <translation>La configuration d'authentification « {} » ne contient ni nom d'utilisateur, ni mot de passe, ni clé d'API pour eodag.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="202"/>
        <source>QGIS&apos;s authentication database is locked: the configuration was not created.</source>
        <translation>La base d'authentification de QGIS est verrouillée : la configuration n'a pas été créée.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="202"/>
        <source>Enter QGIS&apos;s master password when asked.</source>
        <translation>Saisissez le mot de passe principal de QGIS quand il est demandé.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="208"/>
        <source>QGIS could not store the authentication configuration &apos;{}&apos;.</source>
        <translation>QGIS n'a pas pu enregistrer la configuration d'authentification « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="251"/>
        <source>The authentication configuration &apos;{}&apos; ({}) cannot be used for a STAC catalogue: choose Basic, OAuth2, a token or API headers.</source>
        <translation>La configuration d'authentification « {} » ({}) ne peut pas servir pour un catalogue STAC : choisissez Basic, OAuth2, un jeton ou des en-têtes d'API.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="264"/>
        <source>The authentication configuration &apos;{}&apos; ({}) cannot hold S3 keys: choose a Basic one (user name = access key id, password = secret key).</source>
        <translation>La configuration d'authentification « {} » ({}) ne peut pas contenir de clés S3 : choisissez-en une de type Basic (nom d'utilisateur = identifiant de clé d'accès, mot de passe = clé secrète).</translation>
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
        <translation>Aucun polygone dessiné : cliquez sur « Dessiner sur la carte… », cliquez les sommets puis faites un clic droit pour terminer.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="147"/>
        <source>{:,.2f} km², {} part(s), {} vertices.</source>
        <translation type="obsolete">{:,.2f} km², {} partie(s), {} sommets.</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="20"/>
        <source>Area of interest</source>
        <translation>Zone d'intérêt</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="22"/>
        <source>Map extent</source>
        <translation>Emprise de la carte</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="23"/>
        <source>Selected features of</source>
        <translation>Entités sélectionnées de</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="27"/>
        <source>Drawn polygon</source>
        <translation>Polygone dessiné</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="28"/>
        <source>Draw on the map…</source>
        <translation>Dessiner sur la carte…</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="28"/>
        <source>Click the vertices of a polygon on the map; right-click to finish.</source>
        <translation>Cliquez les sommets d'un polygone sur la carte ; clic droit pour terminer.</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="29"/>
        <source>No area of interest yet.</source>
        <translation>Pas encore de zone d'intérêt.</translation>
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
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="49"/>
        <source>Jobs…</source>
        <translation>Tâches…</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="50"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="182"/>
        <source>{} km², {} part(s), {} vertices.</source>
        <translation>{} km², {} partie(s), {} sommets.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="187"/>
        <source>One job per feature: {} jobs.</source>
        <translation>Une tâche par entité : {} tâches.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="227"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation>Tâche « {} » envoyée ; suivez-la dans le panneau des tâches.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="230"/>
        <source>{} jobs submitted, one per feature; follow them in the Jobs panel.</source>
        <translation>{} tâches envoyées, une par entité ; suivez-les dans le panneau des tâches.</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="25"/>
        <source>One job per feature, named by</source>
        <translation>Une tâche par entité, nommée par</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="25"/>
        <source>Run one job for each selected polygon, each in a folder named after the feature.</source>
        <translation>Lancer une tâche pour chaque polygone sélectionné, chacune dans un dossier au nom de l'entité.</translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="26"/>
        <source>The attribute that names each feature&apos;s job and folder (empty: the feature id).</source>
        <translation>L'attribut qui nomme la tâche et le dossier de chaque entité (vide : l'ID de l'entité).</translation>
    </message>
</context>
<context>
    <name>EeAuth</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="46"/>
        <source>Sign in to Earth Engine again: run &quot;earthengine authenticate&quot; (or ee.Authenticate() in Python), or update the Earth Engine credentials in the plugin settings (a service-account key or an access token), then retry.</source>
        <translation>Reconnectez-vous à Earth Engine : exécutez « earthengine authenticate » (ou ee.Authenticate() en Python), ou mettez à jour les identifiants Earth Engine dans les paramètres de l'extension (une clé de compte de service ou un jeton d'accès), puis réessayez.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="76"/>
        <source>The Earth Engine access token is empty.</source>
        <translation>Le jeton d'accès Earth Engine est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="94"/>
        <source>The Earth Engine credentials hold no refresh token.</source>
        <translation>Les identifiants Earth Engine ne contiennent aucun jeton d'actualisation.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="142"/>
        <source>Google refused the Earth Engine refresh token: {}</source>
        <translation>Google a refusé le jeton d'actualisation Earth Engine : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="148"/>
        <source>The token endpoint {} did not answer with JSON.</source>
        <translation>Le point de terminaison de jeton {} n'a pas répondu en JSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="152"/>
        <source>The token endpoint answered without an access token.</source>
        <translation>Le point de terminaison de jeton a répondu sans jeton d'accès.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="176"/>
        <source>No Earth Engine credentials file at {}.</source>
        <translation>Aucun fichier d'identifiants Earth Engine à l'emplacement {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="179"/>
        <source>The Earth Engine credentials file {} cannot be read: {}</source>
        <translation>Le fichier d'identifiants Earth Engine {} ne peut pas être lu : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="182"/>
        <source>The Earth Engine credentials file {} holds no refresh token.</source>
        <translation>Le fichier d'identifiants Earth Engine {} ne contient aucun jeton d'actualisation.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="187"/>
        <source>The Earth Engine credentials file {} names no OAuth client (client_id).</source>
        <translation>Le fichier d'identifiants Earth Engine {} n'indique aucun client OAuth (client_id).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="187"/>
        <source>Run &quot;earthengine authenticate&quot; again with a current earthengine-api, or use a service-account key.</source>
        <translation>Exécutez à nouveau « earthengine authenticate » avec une version récente d'earthengine-api, ou utilisez une clé de compte de service.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="207"/>
        <source>Service-account keys need the Python package google-auth, which is not installed.</source>
        <translation>Les clés de compte de service nécessitent le paquet Python google-auth, qui n'est pas installé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="207"/>
        <source>Install google-auth into QGIS&apos;s Python (pip install google-auth), or sign in with &quot;earthengine authenticate&quot; instead.</source>
        <translation>Installez google-auth dans le Python de QGIS (pip install google-auth), ou connectez-vous plutôt avec « earthengine authenticate ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="221"/>
        <source>The service-account key is not valid JSON: {}</source>
        <translation>La clé de compte de service n'est pas un JSON valide : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="224"/>
        <source>This is not a service-account key (JSON with &quot;type&quot;: &quot;service_account&quot;).</source>
        <translation>Ceci n'est pas une clé de compte de service (JSON avec &quot;type&quot;: &quot;service_account&quot;).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="248"/>
        <source>The service-account key was refused: {}</source>
        <translation>La clé de compte de service a été refusée : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="356"/>
        <source>No Earth Engine credentials are configured.</source>
        <translation>Aucun identifiant Earth Engine n'est configuré.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="308"/>
        <source>The Earth Engine credentials are not valid JSON: {}</source>
        <translation>Les identifiants Earth Engine ne sont pas un JSON valide : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="311"/>
        <source>The Earth Engine credentials must be a JSON object.</source>
        <translation>Les identifiants Earth Engine doivent être un objet JSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="317"/>
        <source>The Earth Engine credentials name no OAuth client (client_id).</source>
        <translation>Les identifiants Earth Engine n'indiquent aucun client OAuth (client_id).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/auth.py" line="327"/>
        <source>These credentials hold neither a refresh token, a service-account key nor an access token.</source>
        <translation>Ces identifiants ne contiennent ni jeton d'actualisation, ni clé de compte de service, ni jeton d'accès.</translation>
    </message>
</context>
<context>
    <name>EeClient</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="213"/>
        <source>Earth Engine: {}</source>
        <translation>Earth Engine : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="97"/>
        <source>Earth Engine refused the credentials (HTTP 401): {}</source>
        <translation>Earth Engine a refusé les identifiants (HTTP 401) : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="101"/>
        <source>Register the Cloud project {p} for Earth Engine at https://code.earthengine.google.com/register?project={p} (and enable the Earth Engine API in it), or choose a registered project in the settings.</source>
        <translation>Enregistrez le projet Cloud {p} pour Earth Engine sur https://code.earthengine.google.com/register?project={p} (et activez-y l'API Earth Engine), ou choisissez un projet enregistré dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="106"/>
        <source>Your account needs the role &quot;Service Usage Consumer&quot; (roles/serviceusage.serviceUsageConsumer) on project {p}, or choose a project you own in the settings.</source>
        <translation>Votre compte a besoin du rôle « Service Usage Consumer » (roles/serviceusage.serviceUsageConsumer) sur le projet {p}, ou choisissez dans les paramètres un projet qui vous appartient.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="110"/>
        <source>Check that the project id {p} is right, that your account may use it with Earth Engine, and that the image is readable by you.</source>
        <translation>Vérifiez que l'ID de projet {p} est correct, que votre compte peut l'utiliser avec Earth Engine et que vous pouvez lire l'image.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="115"/>
        <source>Make the area smaller or the scale coarser, choose fewer bands, or leave tiling on so the download is split into requests Earth Engine accepts.</source>
        <translation>Réduisez la zone ou augmentez la taille des pixels, choisissez moins de bandes, ou laissez le découpage en tuiles activé pour que le téléchargement soit réparti en requêtes acceptées par Earth Engine.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="121"/>
        <source>Check the image id (an Earth Engine asset id such as COPERNICUS/S2_SR/...), and that you may read it.</source>
        <translation>Vérifiez l'ID de l'image (un ID d'asset Earth Engine tel que COPERNICUS/S2_SR/...) et que vous avez le droit de la lire.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="129"/>
        <source>Earth Engine refused the download options; change what the message names.</source>
        <translation>Earth Engine a refusé les options de téléchargement ; modifiez ce que le message indique.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="133"/>
        <source>Earth Engine&apos;s request quota is exhausted for now; wait a few minutes, or download fewer tiles at once.</source>
        <translation>Le quota de requêtes d'Earth Engine est épuisé pour le moment ; attendez quelques minutes, ou téléchargez moins de tuiles à la fois.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="137"/>
        <source>Earth Engine has a problem; try again later.</source>
        <translation>Earth Engine rencontre un problème ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="215"/>
        <source>Earth Engine sent an answer that is not JSON ({}).</source>
        <translation>Earth Engine a envoyé une réponse qui n'est pas du JSON ({}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="218"/>
        <source>Earth Engine sent an unexpected answer ({}).</source>
        <translation>Earth Engine a envoyé une réponse inattendue ({}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="263"/>
        <source>Earth Engine did not return a download id.</source>
        <translation>Earth Engine n'a pas renvoyé d'ID de téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="124"/>
        <source>Check the collection id (an Earth Engine image collection such as COPERNICUS/S2_SR_HARMONIZED).</source>
        <translation>Vérifiez l'identifiant de la collection (une collection d'images Earth Engine comme COPERNICUS/S2_SR_HARMONIZED).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/client.py" line="249"/>
        <source>Earth Engine&apos;s picture was cut short: {}.</source>
        <translation>L'image d'Earth Engine est arrivée incomplète : {}.</translation>
    </message>
</context>
<context>
    <name>EeCollections</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/collections.py" line="178"/>
        <source>Earth Engine sent the same page of {} twice; the listing was stopped.</source>
        <translation>Earth Engine a renvoyé deux fois la même page de {} ; la liste a été arrêtée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/collections.py" line="189"/>
        <source>Dates must be written YYYY-MM-DD; got {} and {}.</source>
        <translation>Les dates s'écrivent AAAA-MM-JJ ; reçu {} et {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/collections.py" line="192"/>
        <source>The end date {} is before the start date {}.</source>
        <translation>La date de fin {} précède la date de début {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/collections.py" line="192"/>
        <source>Swap the two dates.</source>
        <translation>Inversez les deux dates.</translation>
    </message>
</context>
<context>
    <name>EeDownload</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="115"/>
        <source>The area of interest is not valid GeoJSON.</source>
        <translation>La zone d'intérêt n'est pas un GeoJSON valide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="119"/>
        <source>The area of interest must be a polygon.</source>
        <translation>La zone d'intérêt doit être un polygone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="147"/>
        <source>Band options are given for {}, which is not in the band list.</source>
        <translation>Des options de bande sont données pour {}, qui n'est pas dans la liste des bandes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="147"/>
        <source>Add the band to the band list, or remove its options.</source>
        <translation>Ajoutez la bande à la liste des bandes, ou supprimez ses options.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="493"/>
        <source>Downloaded {} of {} piece(s)</source>
        <translation>{} morceau(x) sur {} téléchargé(s)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="530"/>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="661"/>
        <source>The Earth Engine zip {} holds no GeoTIFF.</source>
        <translation>Le zip Earth Engine {} ne contient aucun GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="667"/>
        <source>The Earth Engine zip {} has no file for band {}.</source>
        <translation>Le zip Earth Engine {} n'a aucun fichier pour la bande {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="920"/>
        <source>Building the output files</source>
        <translation>Création des fichiers de sortie</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="936"/>
        <source>Wrote {}</source>
        <translation>{} écrit</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="967"/>
        <source>Reading the image&apos;s metadata</source>
        <translation>Lecture des métadonnées de l'image</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="969"/>
        <source>Requesting {} download id(s)</source>
        <translation>Demande de {} ID de téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="929"/>
        <source>Writing {name}; a preview is on the map</source>
        <translation>Écriture de {name} ; un aperçu est sur la carte</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="433"/>
        <source>No image of {} covers the area between {} and {} with these criteria.</source>
        <translation>Aucune image de {} ne couvre la zone entre le {} et le {} avec ces critères.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="433"/>
        <source>Widen the dates, raise the cloud cover limit, or check the area.</source>
        <translation>Élargissez les dates, relevez la limite de couverture nuageuse ou vérifiez la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/download_runner.py" line="462"/>
        <source>This download is large: about {:,.1f} GiB.</source>
        <translation>Ce téléchargement est volumineux : environ {:,.1f} Gio.</translation>
    </message>
</context>
<context>
    <name>EeExport</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="99"/>
        <source>Unknown export destination &quot;{}&quot;.</source>
        <translation>Destination d'export inconnue « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="99"/>
        <source>Use Cloud Storage, Drive or Asset.</source>
        <translation>Utilisez Cloud Storage, Drive ou Asset.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="107"/>
        <source>Band &quot;{}&quot; has its own options; an export has one grid for all bands.</source>
        <translation>La bande « {} » a ses propres options ; un export a une seule grille pour toutes les bandes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="107"/>
        <source>Give band names only, and the scale, CRS or dimensions for the whole export.</source>
        <translation>Indiquez uniquement les noms des bandes, et l'échelle, le SCR ou les dimensions pour tout l'export.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="119"/>
        <source>MAX_PIXELS must be a whole number of pixels greater than 0; got {}.</source>
        <translation>MAX_PIXELS doit être un nombre entier de pixels supérieur à 0 ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="119"/>
        <source>For example 1e9 or 10000000000 (the default is 1e8).</source>
        <translation>Par exemple 1e9 ou 10000000000 (la valeur par défaut est 1e8).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="144"/>
        <source>The priority must be a whole number from 0 to 9999; got {}.</source>
        <translation>La priorité doit être un nombre entier de 0 à 9999 ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="144"/>
        <source>Higher runs sooner; leave it empty for the default, 100.</source>
        <translation>Plus elle est élevée, plus l'export s'exécute tôt ; laissez vide pour la valeur par défaut, 100.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="157"/>
        <source>File dimensions must be multiples of {} pixels; got {}.</source>
        <translation>Les dimensions des fichiers doivent être des multiples de {} pixels ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="157"/>
        <source>Earth Engine writes files in shards of {} pixels: use e.g. 1024 or 2048x1024.</source>
        <translation>Earth Engine écrit les fichiers par blocs de {} pixels : utilisez par ex. 1024 ou 2048x1024.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="169"/>
        <source>The no-data value must be a number; got {}.</source>
        <translation>La valeur NoData doit être un nombre ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="178"/>
        <source>Unknown pyramiding policy &quot;{}&quot;{}.</source>
        <translation>Règle de pyramidage inconnue « {} »{}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="178"/>
        <source>Use one of: {}.</source>
        <translation>Utilisez l'un de : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="192"/>
        <source>The pyramiding overrides are not valid JSON: {}.</source>
        <translation>Les règles de pyramidage par bande ne sont pas un JSON valide : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="195"/>
        <source>Example: {&quot;SCL&quot;: &quot;MODE&quot;, &quot;B4&quot;: &quot;MEAN&quot;}</source>
        <translation>Exemple : {&quot;SCL&quot;: &quot;MODE&quot;, &quot;B4&quot;: &quot;MEAN&quot;}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="195"/>
        <source>The pyramiding overrides must be a JSON object keyed by band name.</source>
        <translation>Les règles de pyramidage par bande doivent être un objet JSON dont les clés sont les noms de bandes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="201"/>
        <source>The pyramiding overrides name no band (&quot;{}&quot;).</source>
        <translation>Les règles de pyramidage par bande ne nomment aucune bande (« {} »).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="201"/>
        <source>Set the default policy with PYRAMIDING_POLICY.</source>
        <translation>Définissez la règle par défaut avec PYRAMIDING_POLICY.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="203"/>
        <source> for band {}</source>
        <translation> pour la bande {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="212"/>
        <source>A Cloud Storage bucket name is needed; &quot;{}&quot; is not one.</source>
        <translation>Un nom de bucket Cloud Storage est nécessaire ; « {} » n'en est pas un.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="212"/>
        <source>Bucket names are 3 to 63 lowercase letters, digits, dots, hyphens or underscores, e.g. my-bucket.</source>
        <translation>Les noms de bucket comptent 3 à 63 lettres minuscules, chiffres, points, tirets ou traits de soulignement, par ex. my-bucket.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="223"/>
        <source>The file name prefix &quot;{}&quot; cannot be used.</source>
        <translation>Le préfixe de nom de fichier « {} » ne peut pas être utilisé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="223"/>
        <source>Use e.g. exports/my_area (no leading slash).</source>
        <translation>Utilisez par ex. exports/my_area (sans barre oblique initiale).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="251"/>
        <source>Give the id of the asset to create; got &quot;{}&quot;.</source>
        <translation>Indiquez l'ID de l'asset à créer ; reçu : « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="251"/>
        <source>For example projects/{}/assets/my_export.</source>
        <translation>Par exemple projects/{}/assets/my_export.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="263"/>
        <source>Invalid workload tag &quot;{}&quot;.</source>
        <translation>Tag de charge de travail « {} » non valide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="263"/>
        <source>Tags are 1 to 63 lowercase letters, digits, &apos;-&apos; or &apos;_&apos;, starting and ending with a letter or digit.</source>
        <translation>Les tags comptent 1 à 63 lettres minuscules, chiffres, « - » ou « _ », et commencent et finissent par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="274"/>
        <source>The description must be one line.</source>
        <translation>La description doit tenir sur une seule ligne.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="287"/>
        <source>The visualization parameters are not valid JSON: {}.</source>
        <translation>Les paramètres de visualisation ne sont pas un JSON valide : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="287"/>
        <source>Example: {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000}</source>
        <translation>Exemple : {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="290"/>
        <source>The visualization parameters must be a JSON object.</source>
        <translation>Les paramètres de visualisation doivent être un objet JSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="294"/>
        <source>Unknown visualization parameter &quot;{}&quot;.</source>
        <translation>Paramètre de visualisation inconnu « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="294"/>
        <source>Use: {}.</source>
        <translation>Utilisez : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="322"/>
        <source>The area of interest is not valid GeoJSON: {}</source>
        <translation>La zone d'intérêt n'est pas un GeoJSON valide : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="326"/>
        <source>The area of interest must be a GeoJSON geometry.</source>
        <translation>La zone d'intérêt doit être une géométrie GeoJSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="334"/>
        <source>Give either a scale or dimensions, not both.</source>
        <translation>Indiquez soit une échelle, soit des dimensions, pas les deux.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="334"/>
        <source>Earth Engine cannot honour both: the scale fixes the pixel size, the dimensions the pixel count.</source>
        <translation>Earth Engine ne peut pas respecter les deux : l'échelle fixe la taille des pixels, les dimensions leur nombre.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="340"/>
        <source>Give an area of interest.</source>
        <translation>Indiquez une zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="340"/>
        <source>Or an exact pixel grid: CRS, CRS transform and WIDTHxHEIGHT dimensions.</source>
        <translation>Ou une grille de pixels exacte : SCR, transformation du SCR et dimensions LARGEURxHAUTEUR.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="351"/>
        <source>A Drive file name prefix cannot contain &quot;/&quot;: &quot;{}&quot;.</source>
        <translation>Un préfixe de nom de fichier Drive ne peut pas contenir « / » : « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="351"/>
        <source>Drive has no paths: choose the folder with FOLDER.</source>
        <translation>Drive n'a pas de chemins : choisissez le dossier avec FOLDER.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="368"/>
        <source>File options ({}) apply to Cloud Storage and Drive exports, not to an asset.</source>
        <translation>Les options de fichier ({}) s'appliquent aux exports vers Cloud Storage et Drive, pas à un asset.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="368"/>
        <source>Clear them, or choose Cloud Storage or Drive.</source>
        <translation>Videz-les, ou choisissez Cloud Storage ou Drive.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="373"/>
        <source>Pyramiding overrides name bands that are not exported: {}.</source>
        <translation>Les règles de pyramidage par bande nomment des bandes qui ne sont pas exportées : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="373"/>
        <source>Exported bands: {}.</source>
        <translation>Bandes exportées : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="379"/>
        <source>Pyramiding policies apply to asset exports only.</source>
        <translation>Les règles de pyramidage ne s'appliquent qu'aux exports vers un asset.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="379"/>
        <source>Clear them, or choose Asset as the destination.</source>
        <translation>Videz-les, ou choisissez Asset comme destination.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="141"/>
        <source>(no message)</source>
        <translation>(aucun message)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="145"/>
        <source>Set MAX_PIXELS to at least {} (the export has {} pixels, the limit was {}), or make the area smaller or the scale coarser.</source>
        <translation>Réglez MAX_PIXELS à au moins {} (l'export compte {} pixels, la limite était {}), ou réduisez la zone ou augmentez la taille des pixels.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="149"/>
        <source>Check the bucket name and that your account (or Earth Engine&apos;s service account) may write to it.</source>
        <translation>Vérifiez le nom du bucket et que votre compte (ou le compte de service d'Earth Engine) a le droit d'y écrire.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="151"/>
        <source>The Earth Engine export {} failed: {}</source>
        <translation>L'export Earth Engine {} a échoué : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="188"/>
        <source>Earth Engine refused the export options; change what the message names.</source>
        <translation>Earth Engine a refusé les options d'export ; modifiez ce que le message indique.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="191"/>
        <source>Earth Engine no longer knows this operation (they are kept for a limited time). Retry the job to start the export again.</source>
        <translation>Earth Engine ne connaît plus cette opération (elles ne sont conservées que pendant une durée limitée). Réessayez la tâche pour relancer l'export.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="207"/>
        <source>Earth Engine did not return an operation for the export.</source>
        <translation>Earth Engine n'a pas renvoyé d'opération pour l'export.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="251"/>
        <source>Earth Engine did not return a map id.</source>
        <translation>Earth Engine n'a pas renvoyé d'ID de carte.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="326"/>
        <source>The Earth Engine export {} was cancelled.</source>
        <translation>L'export Earth Engine {} a été annulé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="137"/>
        <source>Could not join the export files into {}: {}</source>
        <translation>Impossible d'assembler les fichiers de l'export dans {} : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="163"/>
        <source>Starting the export on Earth Engine</source>
        <translation>Lancement de l'export sur Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="168"/>
        <source>Export {} started</source>
        <translation>Export {} lancé</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="204"/>
        <source>Downloading {} file(s)</source>
        <translation>Téléchargement de {} fichier(s)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="210"/>
        <source>Downloading {}</source>
        <translation>Téléchargement de {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="232"/>
        <source>Listing gs://{}/{}*</source>
        <translation>Liste de gs://{}/{}*</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="238"/>
        <source>The export finished, but gs://{}/ holds no {}.tif or {}-*.tif.</source>
        <translation>L'export est terminé, mais gs://{}/ ne contient aucun {}.tif ni {}-*.tif.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="238"/>
        <source>Check the bucket in the Cloud console; the files may have been moved or deleted.</source>
        <translation>Vérifiez le bucket dans la console Cloud ; les fichiers ont peut-être été déplacés ou supprimés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="250"/>
        <source>Listing the Drive folder {}</source>
        <translation>Liste du dossier Drive {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="253"/>
        <source>The export finished, but there is no Drive folder named &quot;{}&quot;.</source>
        <translation>L'export est terminé, mais aucun dossier Drive ne s'appelle « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="260"/>
        <source>The export finished, but the Drive folder {} holds no {}.tif or {}-*.tif.</source>
        <translation>L'export est terminé, mais le dossier Drive {} ne contient aucun {}.tif ni {}-*.tif.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="268"/>
        <source>Creating the tile layer of {}</source>
        <translation>Création de la couche de tuiles de {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export_runner.py" line="299"/>
        <source>Export {} runs on Earth Engine; not waiting for it. Retry the job to follow it and fetch the result.</source>
        <translation>L'export {} s'exécute sur Earth Engine ; il n'est pas attendu. Réessayez la tâche pour le suivre et récupérer le résultat.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="134"/>
        <source>This export would have at least {} pixels, more than its maximum of {:,} (MAX_PIXELS).</source>
        <translation>Cet export aurait au moins {} pixels, plus que son maximum de {:,} (MAX_PIXELS).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/export.py" line="134"/>
        <source>Choose a coarser scale or a smaller area, or set MAX_PIXELS higher.</source>
        <translation>Choisissez une échelle plus grossière ou une zone plus petite, ou augmentez MAX_PIXELS.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="307"/>
        <source>The Earth Engine export {} is still {} after {}; the plugin stopped following it.</source>
        <translation>L'export Earth Engine {} est toujours {} après {} ; l'extension a cessé de le suivre.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/operations.py" line="307"/>
        <source>It keeps running on Earth Engine: retry the job later to follow it and fetch the result.</source>
        <translation>Il continue sur Earth Engine : relancez la tâche plus tard pour le suivre et récupérer le résultat.</translation>
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
        <translation>Format de téléchargement inconnu « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="356"/>
        <source>Use one of: {}.</source>
        <translation>Utilisez l'un de : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="106"/>
        <source>The scale must be a positive number of metres per pixel; got {}.</source>
        <translation>L'échelle doit être un nombre positif de mètres par pixel ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="106"/>
        <source>Enter e.g. 10 for Sentinel-2&apos;s finest bands, or leave it empty.</source>
        <translation>Saisissez par exemple 10 pour les bandes les plus fines de Sentinel-2, ou laissez vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="137"/>
        <source>Dimensions must be WIDTHxHEIGHT in whole pixels (e.g. 512x512), or one number for the longest side; got {}.</source>
        <translation>Les dimensions doivent être LARGEURxHAUTEUR en pixels entiers (par ex. 512x512), ou un seul nombre pour le côté le plus long ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="162"/>
        <source>The pixel transform (crs_transform) must be 6 numbers; got {}.</source>
        <translation>La transformation des pixels (crs_transform) doit comporter 6 nombres ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="162"/>
        <source>Give [xScale, xShearing, xTranslation, yShearing, yScale, yTranslation], e.g. 10,0,500000,0,-10,4200000.</source>
        <translation>Indiquez [xScale, xShearing, xTranslation, yShearing, yScale, yTranslation], par ex. 10,0,500000,0,-10,4200000.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="167"/>
        <source>The pixel transform (crs_transform) {} has a zero pixel size.</source>
        <translation>La transformation des pixels (crs_transform) {} a une taille de pixel nulle.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="167"/>
        <source>xScale and yScale (1st and 5th numbers) must not be 0.</source>
        <translation>xScale et yScale (1er et 5e nombres) ne doivent pas valoir 0.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="182"/>
        <source>Unknown CRS &quot;{}&quot;: {}</source>
        <translation>SCR inconnu « {} » : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="182"/>
        <source>Use an authority code such as EPSG:4326 or EPSG:32631, or a WKT string.</source>
        <translation>Utilisez un code d'autorité tel que EPSG:4326 ou EPSG:32631, ou une chaîne WKT.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="190"/>
        <source>The options of band &quot;{}&quot; must be a JSON object; got {}.</source>
        <translation>Les options de la bande « {} » doivent être un objet JSON ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="277"/>
        <source>Example: {}</source>
        <translation>Exemple : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="198"/>
        <source>Unknown option &quot;{}&quot; for band &quot;{}&quot;.</source>
        <translation>Option « {} » inconnue pour la bande « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="198"/>
        <source>Band options can be: {}.</source>
        <translation>Les options de bande possibles sont : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="220"/>
        <source>The band list must be band names separated by commas; got {}.</source>
        <translation>La liste des bandes doit être des noms de bandes séparés par des virgules ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="230"/>
        <source>Each band in the band list needs an &quot;id&quot; (its name); got {}.</source>
        <translation>Chaque bande de la liste des bandes doit avoir un &quot;id&quot; (son nom) ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="230"/>
        <source>Example: [{&quot;id&quot;: &quot;B4&quot;, &quot;scale&quot;: 10}]</source>
        <translation>Exemple : [{&quot;id&quot;: &quot;B4&quot;, &quot;scale&quot;: 10}]</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="235"/>
        <source>A band must be a name or an object with an id; got {}.</source>
        <translation>Une bande doit être un nom ou un objet avec un id ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="238"/>
        <source>A band name is empty.</source>
        <translation>Un nom de bande est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="240"/>
        <source>Band &quot;{}&quot; is listed twice.</source>
        <translation>La bande « {} » figure deux fois.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="264"/>
        <source>The band options are not valid JSON (line {}, column {}): {}.</source>
        <translation>Les options de bande ne sont pas un JSON valide (ligne {}, colonne {}) : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="271"/>
        <source>A band name in the band options is empty.</source>
        <translation>Un nom de bande dans les options de bande est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="277"/>
        <source>The band options must be a JSON object keyed by band name; got {}.</source>
        <translation>Les options de bande doivent être un objet JSON dont les clés sont les noms de bandes ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="286"/>
        <source>An Earth Engine Cloud project is required.</source>
        <translation>Un projet Cloud Earth Engine est requis.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="286"/>
        <source>Enter the id of a Google Cloud project registered for Earth Engine (https://code.earthengine.google.com/register).</source>
        <translation>Saisissez l'ID d'un projet Google Cloud enregistré pour Earth Engine (https://code.earthengine.google.com/register).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="292"/>
        <source>The project id &quot;{}&quot; is not a valid Google Cloud project id.</source>
        <translation>L'ID de projet « {} » n'est pas un ID de projet Google Cloud valide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="292"/>
        <source>Project ids are 6 to 30 lowercase letters, digits or hyphens, starting with a letter (or a project number).</source>
        <translation>Les ID de projet comptent 6 à 30 lettres minuscules, chiffres ou tirets, et commencent par une lettre (ou sont un numéro de projet).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="301"/>
        <source>Choose an image by its Earth Engine asset id; got &quot;{}&quot;.</source>
        <translation>Choisissez une image par son ID d'asset Earth Engine ; reçu : « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="301"/>
        <source>For example COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.</source>
        <translation>Par exemple COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="310"/>
        <source>The name &quot;{}&quot; cannot be used as a file name.</source>
        <translation type="obsolete">Le nom « {} » ne peut pas servir de nom de fichier.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="310"/>
        <source>Avoid / \ : * ? &quot; &lt; &gt; |.</source>
        <translation type="obsolete">Évitez / \ : * ? &quot; &lt; &gt; |.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="425"/>
        <source>The area (region) is not valid GeoJSON: {}</source>
        <translation>La zone (region) n'est pas un GeoJSON valide : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="427"/>
        <source>The area (region) must be a GeoJSON geometry.</source>
        <translation>La zone (region) doit être une géométrie GeoJSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="434"/>
        <source>A pixel transform (crs_transform) needs a CRS (crs).</source>
        <translation>Une transformation des pixels (crs_transform) nécessite un SCR (crs).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="434"/>
        <source>Enter the CRS the transform is expressed in, e.g. EPSG:32631.</source>
        <translation>Saisissez le SCR dans lequel la transformation est exprimée, par ex. EPSG:32631.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="438"/>
        <source>An area, a scale or pixel transform, and dimensions cannot be used together.</source>
        <translation>Une zone, une échelle ou transformation des pixels et des dimensions ne peuvent pas être utilisées ensemble.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="438"/>
        <source>With an area give either a scale or dimensions; for an exact pixel grid give crs, crs_transform and dimensions without an area.</source>
        <translation>Avec une zone, indiquez soit une échelle, soit des dimensions ; pour une grille de pixels exacte, indiquez crs, crs_transform et les dimensions sans zone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="444"/>
        <source>Band &quot;{}&quot; has a pixel transform (crs_transform) but no CRS.</source>
        <translation>La bande « {} » a une transformation des pixels (crs_transform) mais pas de SCR.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="444"/>
        <source>Give the band a crs, or a default CRS for all bands.</source>
        <translation>Donnez un crs à la bande, ou un SCR par défaut pour toutes les bandes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="85"/>
        <source>Default (zipped GeoTIFF, one file per band if chosen)</source>
        <translation>Par défaut (GeoTIFF zippé, un fichier par bande si coché)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="316"/>
        <source>The cloud cover limit must be a percentage from 0 to 100; got {}.</source>
        <translation>La limite de couverture nuageuse doit être un pourcentage de 0 à 100 ; reçu {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="324"/>
        <source>Unknown {} &quot;{}&quot;.</source>
        <translation>{} inconnu : « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="342"/>
        <source>Choose a collection by its Earth Engine id; got &quot;{}&quot;.</source>
        <translation>Choisissez une collection par son identifiant Earth Engine ; reçu « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="342"/>
        <source>For example COPERNICUS/S2_SR_HARMONIZED.</source>
        <translation>Par exemple COPERNICUS/S2_SR_HARMONIZED.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="346"/>
        <source>A collection needs a start and an end date.</source>
        <translation>Une collection demande une date de début et une date de fin.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="346"/>
        <source>Give both dates as YYYY-MM-DD, e.g. 2023-06-01 and 2023-08-31.</source>
        <translation>Indiquez les deux dates au format AAAA-MM-JJ, par ex. 2023-06-01 et 2023-08-31.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="351"/>
        <source>{} has no cloud cover property to limit.</source>
        <translation>{} n'a pas de propriété de couverture nuageuse à limiter.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="351"/>
        <source>Leave the cloud cover limit empty for this collection.</source>
        <translation>Laissez la limite de couverture nuageuse vide pour cette collection.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="354"/>
        <source>cloud mask</source>
        <translation>masque de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="356"/>
        <source>The cloud mask &quot;{}&quot; does not apply to {}.</source>
        <translation>Le masque de nuages « {} » ne s'applique pas à {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="358"/>
        <source>compositing method</source>
        <translation>méthode de composition</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="360"/>
        <source>{} has no cloud cover property, so it cannot be sorted by clouds.</source>
        <translation>{} n'a pas de propriété de couverture nuageuse ; elle ne peut pas être triée par nuages.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="360"/>
        <source>Choose another compositing method, e.g. median.</source>
        <translation>Choisissez une autre méthode de composition, par ex. la médiane.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="363"/>
        <source>Cloud Score+ band</source>
        <translation>bande Cloud Score+</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="367"/>
        <source>The Cloud Score+ threshold must be between 0 and 1; got {}.</source>
        <translation>Le seuil Cloud Score+ doit être compris entre 0 et 1 ; reçu {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="367"/>
        <source>0.6 keeps pixels that are clear with good confidence.</source>
        <translation>0,6 garde les pixels dégagés avec une bonne confiance.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="389"/>
        <source>A collection search needs an area.</source>
        <translation>Une recherche dans une collection demande une zone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="389"/>
        <source>Draw or choose the area to search and composite.</source>
        <translation>Dessinez ou choisissez la zone à rechercher et à composer.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="394"/>
        <source>Name the bands to download from {}.</source>
        <translation>Nommez les bandes à télécharger de {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/params.py" line="394"/>
        <source>Enter band names separated by commas, e.g. B4, B3, B2.</source>
        <translation>Saisissez les noms de bandes séparés par des virgules, par ex. B4, B3, B2.</translation>
    </message>
</context>
<context>
    <name>EeStorage</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="130"/>
        <source>{service}: {message}</source>
        <translation>{service} : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="167"/>
        <source>Check the bucket name; Earth Engine wrote the export there.</source>
        <translation>Vérifiez le nom du bucket ; c'est là qu'Earth Engine a écrit l'export.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="169"/>
        <source>Your credentials must be allowed to read the bucket (role Storage Object Viewer) and the token needs the Cloud Storage scope (devstorage.read_only or cloud-platform).</source>
        <translation>Vos identifiants doivent avoir le droit de lire le bucket (rôle Storage Object Viewer) et le jeton doit avoir le champ d'application Cloud Storage (devstorage.read_only ou cloud-platform).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="206"/>
        <source>Reading the export from Drive needs a token with the Drive scope (drive.readonly): sign in again allowing Drive access, or export to Cloud Storage instead.</source>
        <translation>La lecture de l'export depuis Drive nécessite un jeton avec le champ d'application Drive (drive.readonly) : reconnectez-vous en autorisant l'accès à Drive, ou exportez plutôt vers Cloud Storage.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="275"/>
        <source>The export file name {} cannot be used.</source>
        <translation>Le nom de fichier d'export {} ne peut pas être utilisé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="93"/>
        <source>{service}: the listing repeats itself (the same page token came back); stopped after {pages} page(s).</source>
        <translation>{service} : la liste se répète (le même jeton de page est revenu) ; arrêt après {pages} page(s).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="93"/>
        <source>The service has a problem; try again later.</source>
        <translation>Le service a un problème ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="98"/>
        <source>{service}: the listing has more than {limit} pages; stopped there.</source>
        <translation>{service} : la liste compte plus de {limit} pages ; arrêt à ce point.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/storage.py" line="98"/>
        <source>Use a file name prefix that only this export uses.</source>
        <translation>Utilisez un préfixe de nom de fichier propre à cet export.</translation>
    </message>
</context>
<context>
    <name>EeTab</name>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="416"/>
        <source>Image&apos;s own CRS</source>
        <translation>SCR propre à l'image</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="76"/>
        <source>Enter an image id.</source>
        <translation type="obsolete">Saisissez un ID d'image.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="130"/>
        <source>Enter at least one band.</source>
        <translation>Saisissez au moins une bande.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="147"/>
        <source>Export on Earth Engine</source>
        <translation>Exporter sur Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="148"/>
        <source>Start the export on Earth Engine as a background job that follows it.</source>
        <translation>Lancer l’export sur Earth Engine dans une tâche en arrière-plan qui le suit.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="124"/>
        <source>Download from Earth Engine</source>
        <translation>Télécharger depuis Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="152"/>
        <source>Send the request as a background job.</source>
        <translation>Envoyer la requête comme tâche en arrière-plan.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="155"/>
        <source>An export writes GeoTIFF files.</source>
        <translation>Un export écrit des fichiers GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="159"/>
        <source>That is a large download: a batch export computes it on Earth Engine&apos;s servers and brings the files back.</source>
        <translation>C’est un gros téléchargement : un export par lots le calcule sur les serveurs d’Earth Engine et rapporte les fichiers.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="145"/>
        <source>{} × {} px, {} band(s), {:,.1f} MiB as Earth Engine counts it (with the mask byte), {} request(s).</source>
        <translation type="obsolete">{} × {} px, {} bande(s), {:,.1f} Mio selon le décompte d'Earth Engine (avec l'octet de masque), {} requête(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="154"/>
        <source>About {} × {} px at {} m, {:,.1f} MiB (16-bit bands + mask byte), {} tile(s).</source>
        <translation type="obsolete">Environ {} × {} px à {} m, {:,.1f} Mio (bandes 16 bits + octet de masque), {} tuile(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="236"/>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="237"/>
        <source>Drive folder</source>
        <translation>Dossier Drive</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="238"/>
        <source>Asset id</source>
        <translation>ID de l’asset</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="270"/>
        <source>Max. pixels must be a number, e.g. 1e10; got &quot;{}&quot;.</source>
        <translation>Pixels max. doit être un nombre, par ex. 1e10 ; reçu : « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="296"/>
        <source>The image&apos;s bands cannot be read yet: {}</source>
        <translation>Les bandes de l'image ne peuvent pas encore être lues : {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="300"/>
        <source>Reading the description of {}</source>
        <translation>Lecture de la description de {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="315"/>
        <source>The image&apos;s bands could not be read: {}</source>
        <translation>Les bandes de l'image n'ont pas pu être lues : {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="606"/>
        <source>EE export {}</source>
        <translation>Export EE {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="541"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation type="obsolete">Tâche « {} » soumise ; suivez-la dans le panneau Tâches.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="58"/>
        <source>Image id</source>
        <translation>ID d'image</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="60"/>
        <source>Bands</source>
        <translation>Bandes</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="63"/>
        <source>Comma-separated band names; true colour by default.</source>
        <translation>Noms de bandes séparés par des virgules ; couleurs naturelles par défaut.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="64"/>
        <source>Bands…</source>
        <translation>Bandes…</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="64"/>
        <source>Pick bands from the image once its description is read.</source>
        <translation>Choisir des bandes de l'image une fois sa description lue.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="67"/>
        <source>Scale (m)</source>
        <translation>Échelle (m)</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="68"/>
        <source>native</source>
        <translation>native</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="69"/>
        <source>CRS</source>
        <translation>SCR</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="71"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="73"/>
        <source>One file per band</source>
        <translation>Un fichier par bande</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="74"/>
        <source>Cloud project</source>
        <translation>Projet Cloud</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="78"/>
        <source>Batch export on Earth Engine</source>
        <translation>Export par lots sur Earth Engine</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="81"/>
        <source>Earth Engine computes the image on its own servers (image:export); the job follows the export and brings the results back. For areas too large to download.</source>
        <translation>Earth Engine calcule l’image sur ses propres serveurs (image:export) ; la tâche suit l’export et rapporte les résultats. Pour les zones trop grandes pour un téléchargement.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="90"/>
        <source>Destination</source>
        <translation>Destination</translation>
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
        <translation>Asset Earth Engine</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="103"/>
        <source>folder in My Drive (optional)</source>
        <translation>dossier dans Mon Drive (facultatif)</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="107"/>
        <source>File name prefix</source>
        <translation>Préfixe des noms de fichier</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="108"/>
        <source>the description</source>
        <translation>la description</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="108"/>
        <source>Start of the exported files&apos; names (a path in the bucket).</source>
        <translation>Début du nom des fichiers exportés (un chemin dans le bucket).</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="109"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="110"/>
        <source>The export&apos;s name in Earth Engine&apos;s task list.</source>
        <translation>Le nom de l’export dans la liste des tâches d’Earth Engine.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="111"/>
        <source>Max. pixels</source>
        <translation>Pixels max.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="112"/>
        <source>1e8 (Earth Engine&apos;s default)</source>
        <translation>1e8 (valeur par défaut d’Earth Engine)</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="112"/>
        <source>Most pixels the export may compute; raise it (e.g. 1e10) when Earth Engine says the export is too large.</source>
        <translation>Nombre maximal de pixels que l’export peut calculer ; augmentez-le (par ex. 1e10) quand Earth Engine dit que l’export est trop grand.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="113"/>
        <source>Follow the export and bring the results back</source>
        <translation>Suivre l’export et rapporter les résultats</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="113"/>
        <source>Unchecked, the job ends once Earth Engine has the export; Retry in the Jobs panel follows it later.</source>
        <translation>Décoché, la tâche se termine dès qu’Earth Engine a reçu l’export ; Réessayer dans le panneau des tâches le suit plus tard.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="121"/>
        <source>Use a batch export instead</source>
        <translation>Utiliser plutôt un export par lots</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="99"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="303"/>
        <source>Reading the description of {}…</source>
        <translation>Lecture de la description de {}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="128"/>
        <source>Enter an image id, or search a collection and choose one.</source>
        <translation>Saisissez un ID d'image, ou cherchez dans une collection et choisissez-en une.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="123"/>
        <source>A quick picture of the image or the composite over the area, as a temporary layer.</source>
        <translation>Un aperçu rapide de l'image ou du composite sur la zone, en couche temporaire.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="144"/>
        <source>List the collection&apos;s images over the area.</source>
        <translation>Lister les images de la collection sur la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="351"/>
        <source>or type a collection id</source>
        <translation>ou saisissez un ID de collection</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="352"/>
        <source>None</source>
        <translation>Aucun</translation>
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
        <translation>médiane</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="357"/>
        <source>mean</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="358"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="358"/>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="359"/>
        <source>most recent on top</source>
        <translation>la plus récente au-dessus</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="360"/>
        <source>least cloudy on top</source>
        <translation>la moins nuageuse au-dessus</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="416"/>
        <source>UTM zone of the area</source>
        <translation>Zone UTM de la zone</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="432"/>
        <source>Earth Engine search in {}</source>
        <translation>Recherche Earth Engine dans {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="435"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="447"/>
        <source>{} images found.</source>
        <translation>{} images trouvées.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="449"/>
        <source>The listing was capped: narrow the dates or the area.</source>
        <translation>La liste a été plafonnée : réduisez les dates ou la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="507"/>
        <source>Earth Engine preview of {}</source>
        <translation>Aperçu Earth Engine de {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="514"/>
        <source>Fetching a preview…</source>
        <translation>Récupération d'un aperçu…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="527"/>
        <source>The preview could not be shown.</source>
        <translation>L'aperçu n'a pas pu être affiché.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="540"/>
        <source>Preview shown; the download replaces it when it arrives.</source>
        <translation>Aperçu affiché ; le téléchargement le remplacera à son arrivée.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="8"/>
        <source>Find images in a collection</source>
        <translation>Trouver des images dans une collection</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="10"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="11"/>
        <source>A common collection, or type any Earth Engine collection id.</source>
        <translation>Une collection courante, ou saisissez n'importe quel ID de collection Earth Engine.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="12"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="20"/>
        <source>Clouds below (%)</source>
        <translation>Nuages sous (%)</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="21"/>
        <source>Scenes with more cloud cover (the collection&apos;s own figure) are left out.</source>
        <translation>Les scènes plus nuageuses (selon le chiffre de la collection) sont écartées.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="24"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="25"/>
        <source>Clear footprints</source>
        <translation>Effacer les emprises</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="35"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="36"/>
        <source>Cloud %</source>
        <translation>Nuages %</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="43"/>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="46"/>
        <source>Single image</source>
        <translation>Une image</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="46"/>
        <source>One image by its id (choose one in the search results).</source>
        <translation>Une image par son ID (choisissez-en une dans les résultats de la recherche).</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="47"/>
        <source>Composite of the collection</source>
        <translation>Composite de la collection</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="47"/>
        <source>All the images found, cloud-masked and combined into one.</source>
        <translation>Toutes les images trouvées, nuages masqués, combinées en une seule.</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="50"/>
        <source>Cloud mask</source>
        <translation>Masque de nuages</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="54"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../ui/ee_tab.ui" line="123"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="535"/>
        <source>{} (Earth Engine tiles)</source>
        <translation>{} (tuiles Earth Engine)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="65"/>
        <source>One job per feature is for downloads: exports of several features would write the same files on Earth Engine&apos;s side. Export one area at a time.</source>
        <translation>Une tâche par entité vaut pour les téléchargements : les exports de plusieurs entités écriraient les mêmes fichiers côté Earth Engine. Exportez une zone à la fois.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="81"/>
        <source>The whole text is in the list.</source>
        <translation>Le texte complet est dans la liste.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="177"/>
        <source>{} × {} px, {} band(s), {} as Earth Engine counts it (with the mask byte), {} tile(s).</source>
        <translation>{} × {} px, {} bande(s), {} tels que compte Earth Engine (octet de masque compris), {} tuile(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="180"/>
        <source>{} requests to Earth Engine, about {} s at the speed measured so far.</source>
        <translation>{} requêtes à Earth Engine, environ {} s à la vitesse mesurée jusqu'ici.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="190"/>
        <source>About {} × {} px at {} m, {} (16-bit bands + mask byte), {} tile(s).</source>
        <translation>Environ {} × {} px à {} m, {} (bandes 16 bits + octet de masque), {} tuile(s).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="601"/>
        <source>Download not sent.</source>
        <translation>Téléchargement non envoyé.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="618"/>
        <source>Large download</source>
        <translation>Téléchargement volumineux</translation>
    </message>
    <message>
        <location filename="../plugin/gui/ee_tab.py" line="618"/>
        <source>This download is about {:,.1f} GiB. Download it anyway? (A batch export computes it on Earth Engine&apos;s servers instead.)</source>
        <translation>Ce téléchargement fait environ {:,.1f} Gio. Le télécharger quand même ? (Un export par lot le calcule plutôt sur les serveurs d'Earth Engine.)</translation>
    </message>
</context>
<context>
    <name>EeTiling</name>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="107"/>
        <source>The image {} has no band &quot;{}&quot;.</source>
        <translation>L'image {} n'a pas de bande « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="107"/>
        <source>Its bands are: {}.</source>
        <translation>Ses bandes sont : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="240"/>
        <source>The area must be a polygon; got {}.</source>
        <translation>La zone doit être un polygone ; reçu : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="258"/>
        <source>The area is empty.</source>
        <translation>La zone est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="268"/>
        <source>The area cannot be expressed in {}.</source>
        <translation>La zone ne peut pas être exprimée dans {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="353"/>
        <source>Without an area the image&apos;s extent must be known.</source>
        <translation>Sans zone, l'emprise de l'image doit être connue.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="338"/>
        <source>Draw or choose an area, or give dimensions.</source>
        <translation>Dessinez ou choisissez une zone, ou indiquez des dimensions.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="341"/>
        <source>Sheared pixel transforms are not supported with an area.</source>
        <translation>Les transformations des pixels avec cisaillement ne sont pas prises en charge avec une zone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="341"/>
        <source>Use a transform with 0 shear (2nd and 4th numbers).</source>
        <translation>Utilisez une transformation sans cisaillement (2e et 4e nombres à 0).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="347"/>
        <source>The image&apos;s projection is unknown; give a CRS.</source>
        <translation>La projection de l'image est inconnue ; indiquez un SCR.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="353"/>
        <source>Draw or choose an area.</source>
        <translation>Dessinez ou choisissez une zone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="378"/>
        <source>The image&apos;s pixel size is unknown; give a scale.</source>
        <translation>La taille de pixel de l'image est inconnue ; indiquez une échelle.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="472"/>
        <source>{w} x {h} px, {n} band(s), {mb:.1f} MB as Earth Engine counts it, {t} request(s)</source>
        <translation type="obsolete">{w} x {h} px, {n} bande(s), {mb:.1f} Mo selon le décompte d'Earth Engine, {t} requête(s)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="289"/>
        <source>A pixel size of {:g} (in the units of the CRS) is too small to compute a pixel grid.</source>
        <translation>Une taille de pixel de {:g} (dans les unités du SCR) est trop petite pour calculer une grille de pixels.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="289"/>
        <source>Choose a coarser scale, e.g. 10 m for Sentinel-2.</source>
        <translation>Choisissez une échelle plus grossière, par exemple 10 m pour Sentinel-2.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="565"/>
        <source>This download would need at least {tiles} requests ({size} as Earth Engine counts it), more than the limit of {limit} per job.</source>
        <translation>Ce téléchargement demanderait au moins {tiles} requêtes ({size} au compte d'Earth Engine), plus que la limite de {limit} par tâche.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="568"/>
        <source>This download would be {w} x {h} px, {n} band(s), {size} as Earth Engine counts it: {tiles} requests, more than the limit of {limit} per job.</source>
        <translation>Ce téléchargement ferait {w} x {h} px, {n} bande(s), {size} au compte d'Earth Engine : {tiles} requêtes, plus que la limite de {limit} par tâche.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="570"/>
        <source>Choose a coarser scale, smaller dimensions or a smaller area, or use a batch export (computed on Earth Engine&apos;s servers).</source>
        <translation>Choisissez une échelle plus grossière, des dimensions ou une zone plus petites, ou utilisez un export par lot (calculé sur les serveurs d'Earth Engine).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/earthengine/tiling.py" line="476"/>
        <source>{w} x {h} px, {n} band(s), {size} as Earth Engine counts it, {t} request(s)</source>
        <translation>{w} x {h} px, {n} bande(s), {size} selon le décompte d'Earth Engine, {t} requête(s)</translation>
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
        <translation>Télécharger des images</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="58"/>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="71"/>
        <source>Resumed {} unfinished job(s).</source>
        <translation>{} tâche(s) inachevée(s) reprise(s).</translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="59"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
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
        <translation>Sous Windows, ouvrez « OSGeo4W Shell » (menu Démarrer, dossier QGIS) et exécutez :</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="123"/>
        <source>On macOS, run in a terminal:</source>
        <translation>Sous macOS, exécutez dans un terminal :</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="125"/>
        <source>On Linux (Debian/Ubuntu QGIS packages use /usr/bin/python3), run in a terminal:</source>
        <translation>Sous Linux (les paquets QGIS de Debian/Ubuntu utilisent /usr/bin/python3), exécutez dans un terminal :</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="127"/>
        <source>Then restart QGIS. The pins keep GDAL working: eodag needs shapely 2, and numpy must stay below 2 for GDAL built against numpy 1.</source>
        <translation>Redémarrez ensuite QGIS. Les versions imposées préservent le fonctionnement de GDAL : eodag nécessite shapely 2, et numpy doit rester inférieur à 2 pour un GDAL compilé avec numpy 1.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="143"/>
        <source>eodag is not installed in the Python QGIS uses ({error}).</source>
        <translation>eodag n'est pas installé dans le Python qu'utilise QGIS ({error}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="203"/>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="203"/>
        <source>needs an order</source>
        <translation>à commander</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="204"/>
        <source>ordered, being prepared</source>
        <translation>commandé, en préparation</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="204"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="479"/>
        <source>The eodag provider file &apos;{path}&apos; cannot be read: {error}</source>
        <translation>Le fichier de fournisseurs eodag « {path} » ne peut pas être lu : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="745"/>
        <source>eodag could not start: {error}</source>
        <translation>eodag n'a pas pu démarrer : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="745"/>
        <source>Check eodag&apos;s configuration (~/.config/eodag/eodag.yml, EODAG_* environment variables).</source>
        <translation>Vérifiez la configuration d'eodag (~/.config/eodag/eodag.yml, variables d'environnement EODAG_*).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="760"/>
        <source>The eodag provider configuration is not valid: {error}</source>
        <translation>La configuration des fournisseurs eodag n'est pas valide : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="822"/>
        <source>eodag does not know the provider &apos;{provider}&apos;: {error}</source>
        <translation>eodag ne connaît pas le fournisseur « {provider} » : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="838"/>
        <source>Choose a collection (product type).</source>
        <translation>Choisissez une collection (type de produit).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="876"/>
        <source>The product &apos;{id}&apos; was not found on {provider}.</source>
        <translation>Le produit « {id} » est introuvable chez {provider}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="921"/>
        <source>The search on {provider} failed: {error}</source>
        <translation>La recherche chez {provider} a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="564"/>
        <source>{provider} refused the credentials: {error}</source>
        <translation>{provider} a refusé les identifiants : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="564"/>
        <source>Choose an authentication configuration with this provider&apos;s username and password (Basic) or API key.</source>
        <translation>Choisissez une configuration d'authentification avec le nom d'utilisateur et le mot de passe (Basic) ou la clé d'API de ce fournisseur.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="973"/>
        <source>{provider} is not configured: {error}</source>
        <translation>{provider} n'est pas configuré : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="973"/>
        <source>Most providers need credentials: choose an authentication configuration.</source>
        <translation>La plupart des fournisseurs nécessitent des identifiants : choisissez une configuration d'authentification.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="616"/>
        <source>No quicklook for {id}: {error}</source>
        <translation>Pas d'aperçu rapide (quicklook) pour {id} : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1075"/>
        <source>Ordering {title} failed: {error}</source>
        <translation>La commande de {title} a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1240"/>
        <source>{title} is not available for download: {error}</source>
        <translation>{title} n'est pas disponible au téléchargement : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1245"/>
        <source>The provider is still preparing it: run the job again later (the order is kept) or raise TIMEOUT.</source>
        <translation>Le fournisseur le prépare encore : relancez la tâche plus tard (la commande est conservée) ou augmentez TIMEOUT.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1263"/>
        <source>The download of {title} failed: {error}</source>
        <translation>Le téléchargement de {title} a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="584"/>
        <source>the answer stops after {} bytes, in the middle of its JSON</source>
        <translation>la réponse s'arrête après {} octets, au milieu de son JSON</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="992"/>
        <source>{provider} answered the search, but no product matched it: the credentials will be checked at the first download.</source>
        <translation>{provider} a répondu à la recherche, mais aucun produit n’y correspond : les identifiants seront vérifiés au premier téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="999"/>
        <source>{provider} answered the search; eodag accepted the credentials (they are used at the first download).</source>
        <translation>{provider} a répondu à la recherche ; eodag a accepté les identifiants (ils servent au premier téléchargement).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1011"/>
        <source>Checking the credentials on {provider} failed: {error}</source>
        <translation>La vérification des identifiants sur {provider} a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1017"/>
        <source>{provider} has a problem now (HTTP {status}); try again later.</source>
        <translation>{provider} rencontre un problème (HTTP {status}) ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1020"/>
        <source>{provider} accepted the credentials; {title} cannot be downloaded now (HTTP {status}: it may have to be ordered).</source>
        <translation>{provider} a accepté les identifiants ; {title} ne peut pas être téléchargé maintenant (HTTP {status} : il faut peut-être le commander).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="1023"/>
        <source>{provider} accepted the credentials: the search and the download of {title} answered.</source>
        <translation>{provider} a accepté les identifiants : la recherche et le téléchargement de {title} ont répondu.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/client.py" line="858"/>
        <source>{provider}&apos;s STAC API cannot filter by cloud cover (it has neither the query nor the filter extension): of the {returned} products it returned, {kept} have at most {cloud:g} % cloud cover.</source>
        <translation>L'API STAC de {provider} ne sait pas filtrer par couverture nuageuse (elle n'a ni l'extension query ni l'extension filter) : sur les {returned} produits qu'elle a renvoyés, {kept} ont au plus {cloud:g} % de nuages.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/worker.py" line="89"/>
        <source>QGIS&apos;s Python interpreter was not found under {prefix}.</source>
        <translation>L'interpréteur Python de QGIS est introuvable sous {prefix}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/worker.py" line="277"/>
        <source>eodag stopped without an answer: {error}</source>
        <translation>eodag s'est arrêté sans répondre : {error}</translation>
    </message>
</context>
<context>
    <name>EodagInstall</name>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="60"/>
        <source>nothing new (already installed)</source>
        <translation>rien de nouveau (déjà installé)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="61"/>
        <source>Installed: {packages}.</source>
        <translation>Installé : {packages}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="63"/>
        <source>Restart QGIS to use it: {packages} was already loaded at another version.</source>
        <translation>Redémarrez QGIS pour l'utiliser : {packages} était déjà chargé dans une autre version.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="152"/>
        <source>The installation was stopped.</source>
        <translation>L'installation a été arrêtée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="171"/>
        <source>pip could not install {packages} (exit code {code}): {error}</source>
        <translation>pip n'a pas pu installer {packages} (code de sortie {code}) : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="223"/>
        <source>The Python interpreter of QGIS was not found (looked next to {path}).</source>
        <translation>L'interpréteur Python de QGIS est introuvable (cherché à côté de {path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="227"/>
        <source>Starting pip ({python})…</source>
        <translation>Démarrage de pip ({python})…</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/install.py" line="234"/>
        <source>pip finished in {seconds:.0f} s.</source>
        <translation>pip a terminé en {seconds:.0f} s.</translation>
    </message>
</context>
<context>
    <name>EodagJob</name>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="80"/>
        <source>{what} &apos;{value}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>{what} « {value} » n'est pas une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="90"/>
        <source>{what} must be a number of minutes, not &apos;{value}&apos;.</source>
        <translation>{what} doit être un nombre de minutes, pas « {value} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="93"/>
        <source>{what} must be more than 0 minutes.</source>
        <translation>{what} doit être supérieur à 0 minute.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="104"/>
        <source>Choose a collection (product type), e.g. S2_MSI_L2A.</source>
        <translation>Choisissez une collection (type de produit), par ex. S2_MSI_L2A.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="105"/>
        <source>The start date</source>
        <translation>La date de début</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="105"/>
        <source>The end date</source>
        <translation>La date de fin</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="108"/>
        <source>The start date {start} is after the end date {end}.</source>
        <translation>La date de début {start} est postérieure à la date de fin {end}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="117"/>
        <source>The cloud cover limit must be between 0 and 100 %.</source>
        <translation>La limite de couverture nuageuse doit être comprise entre 0 et 100 %.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="206"/>
        <source>The job has no area of interest.</source>
        <translation>La tâche n'a pas de zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="126"/>
        <source>The number of products must be at least 1.</source>
        <translation>Le nombre de produits doit être au moins 1.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="210"/>
        <source>eodag&apos;s preferred provider</source>
        <translation>le fournisseur préféré d'eodag</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="211"/>
        <source>Searching {provider} for {collection}...</source>
        <translation>Recherche de {collection} chez {provider}...</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="220"/>
        <source>No {collection} product of {provider} matches the area, the dates and the cloud cover.</source>
        <translation>Aucun produit {collection} chez {provider} ne correspond à la zone, aux dates et à la couverture nuageuse.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="226"/>
        <source>{n} product(s) to deliver: {ids}</source>
        <translation>{n} produit(s) à livrer : {ids}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="236"/>
        <source>{title} ({i}/{n})</source>
        <translation>{title} ({i}/{n})</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="265"/>
        <source>{label}: waiting for order {order} placed earlier (status: {status}).</source>
        <translation>{label} : en attente de la commande {order} passée précédemment (état : {status}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="272"/>
        <source>{label} is offline and must be ordered; ORDER is off, so it is skipped.</source>
        <translation>{label} est hors ligne et doit être commandé ; ORDER est désactivé, il est donc ignoré.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="276"/>
        <source>{label}: ordering...</source>
        <translation>{label} : commande en cours...</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="283"/>
        <source>{label}: ordered (order {order}, status: {status}).</source>
        <translation>{label} : commandé (commande {order}, état : {status}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="297"/>
        <source>{label}: downloading.</source>
        <translation>{label} : téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="278"/>
        <source>{label}: downloading {done} of {total} MB</source>
        <translation type="obsolete">{label} : téléchargement de {done} Mo sur {total}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="280"/>
        <source>{label}: downloading {done} MB</source>
        <translation type="obsolete">{label} : téléchargement de {done} Mo</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="306"/>
        <source>{label}: extracting ({done}/{total} files)</source>
        <translation>{label} : extraction ({done}/{total} fichiers)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="326"/>
        <source>{label}: not available yet (order status: {status}); next try in {seconds:.0f} s (attempt {attempt}).</source>
        <translation>{label} : pas encore disponible (état de la commande : {status}) ; nouvel essai dans {seconds:.0f} s (tentative {attempt}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="349"/>
        <source>{label} failed: {error}</source>
        <translation>{label} a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="355"/>
        <source>{label}: already downloaded in {folder}, not downloaded again.</source>
        <translation>{label} : déjà téléchargé dans {folder}, pas de nouveau téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="359"/>
        <source>{label}: already downloaded ({path}), not downloaded again.</source>
        <translation>{label} : déjà téléchargé ({path}), pas de nouveau téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="368"/>
        <source>{label}: cutting {bands} to the area of interest.</source>
        <translation>{label} : découpage de {bands} selon la zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="372"/>
        <source>{label}: cutting to the area of interest.</source>
        <translation>{label} : découpage selon la zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="384"/>
        <source>{title}: band(s) {bands} not found in the product.</source>
        <translation>{title} : bande(s) {bands} introuvable(s) dans le produit.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="387"/>
        <source>{title}: band(s) {bands} do not overlap the area of interest.</source>
        <translation>{title} : la ou les bandes {bands} ne recouvrent pas la zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="394"/>
        <source>nothing to cut.</source>
        <translation>rien à découper.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="401"/>
        <source>{n} of {total} product(s) delivered.</source>
        <translation>{n} produit(s) sur {total} livré(s).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="404"/>
        <source>Already downloaded, not downloaded again: {titles}.</source>
        <translation>Déjà téléchargés, pas de nouveau téléchargement : {titles}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="407"/>
        <source>Offline, to be ordered (ORDER is off): {titles}.</source>
        <translation>Hors ligne, à commander (ORDER est désactivé) : {titles}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="410"/>
        <source>Failed: {items}.</source>
        <translation>Échecs : {items}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="418"/>
        <source>Every product found is offline and must be ordered: {titles}.</source>
        <translation>Tous les produits trouvés sont hors ligne et doivent être commandés : {titles}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="418"/>
        <source>Turn on ordering (ORDER) to order them.</source>
        <translation>Activez la commande (ORDER) pour les commander.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="148"/>
        <source>({n} products)</source>
        <translation>({n} produits)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="300"/>
        <source>{label}: downloading {done} of {total} MiB</source>
        <translation>{label} : téléchargement de {done} sur {total} Mio</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/runner.py" line="302"/>
        <source>{label}: downloading {done} MiB</source>
        <translation>{label} : téléchargement de {done} Mio</translation>
    </message>
</context>
<context>
    <name>EodagTab</name>
    <message>
        <location filename="../ui/eodag_tab.ui" line="10"/>
        <source>Copy the install command</source>
        <translation>Copier la commande d'installation</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="16"/>
        <source>eodag&apos;s providers (the list comes from eodag).</source>
        <translation>Fournisseurs d'eodag (la liste vient d'eodag).</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="18"/>
        <source>eodag product type, e.g. S2_MSI_L2A.</source>
        <translation>Type de produit eodag, par ex. S2_MSI_L2A.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="15"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="17"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="19"/>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="22"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="30"/>
        <source>Highest cloud cover; 100 % means no limit.</source>
        <translation>Couverture nuageuse maximale ; 100 % signifie aucune limite.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="29"/>
        <source>Max. cloud</source>
        <translation>Nuages max.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="33"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="41"/>
        <source>All products</source>
        <translation>Tous les produits</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="42"/>
        <source>Online only</source>
        <translation>En ligne uniquement</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="43"/>
        <source>Needing an order only</source>
        <translation>À commander uniquement</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="56"/>
        <source>Quicklook</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="57"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="58"/>
        <source>Cloud %</source>
        <translation>Nuages %</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="59"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="60"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="66"/>
        <source>Bands to cut to the area after download, comma-separated (empty: keep the products only).</source>
        <translation>Bandes à découper selon la zone après le téléchargement, séparées par des virgules (vide : conserver uniquement les produits).</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="65"/>
        <source>Bands</source>
        <translation>Bandes</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="67"/>
        <source>Order offline products</source>
        <translation>Commander les produits hors ligne</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="72"/>
        <source>eodag default</source>
        <translation>défaut d'eodag</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="71"/>
        <source>Minutes between download tries while an order is prepared.</source>
        <translation>Minutes entre deux tentatives de téléchargement pendant la préparation d'une commande.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="72"/>
        <source>Minutes before giving up on an order.</source>
        <translation>Minutes avant d'abandonner une commande.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="68"/>
        <source>Retry every / for</source>
        <translation>Réessayer toutes les / pendant</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="75"/>
        <source>Extract archives</source>
        <translation>Extraire les archives</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="80"/>
        <source>Download selected</source>
        <translation>Télécharger la sélection</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="81"/>
        <source>Download all</source>
        <translation>Tout télécharger</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="141"/>
        <source>eodag is not installed in the Python QGIS uses.</source>
        <translation type="obsolete">eodag n'est pas installé dans le Python qu'utilise QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="197"/>
        <source>Reading eodag&apos;s providers</source>
        <translation>Lecture des fournisseurs d'eodag</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="197"/>
        <source>Reading eodag's providers…</source>
        <translation>Lecture des fournisseurs d'eodag…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="221"/>
        <source>{} providers from eodag.</source>
        <translation>{} fournisseurs d'eodag.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="243"/>
        <source>Choose a collection.</source>
        <translation>Choisissez une collection.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="271"/>
        <source>eodag search on {}</source>
        <translation>Recherche eodag chez {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="276"/>
        <source>Searching {}…</source>
        <translation>Recherche chez {}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="347"/>
        <source>{} products found, {} of them to be ordered.</source>
        <translation>{} produits trouvés, dont {} à commander.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="364"/>
        <source>eodag quicklooks</source>
        <translation>Aperçus eodag</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="443"/>
        <source>No product to download.</source>
        <translation>Aucun produit à télécharger.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="411"/>
        <source>eodag {provider} {collection} ({n} products)</source>
        <translation type="obsolete">eodag {provider} {collection} ({n} produits)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="467"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation>Tâche « {} » soumise ; suivez-la dans le panneau Tâches.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="469"/>
        <source>{} product(s) need an order and will be skipped: tick &apos;Order offline products&apos; to order them.</source>
        <translation>{} produit(s) doivent être commandés et seront ignorés : cochez « Commander les produits hors ligne » pour les commander.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="21"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="21"/>
        <source>Search a few products of the collection between the dates, then read the first byte of one with the credentials.</source>
        <translation>Rechercher quelques produits de la collection entre les dates, puis lire le premier octet de l’un d’eux avec les identifiants.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="289"/>
        <source>Testing the connection to {}</source>
        <translation>Test de la connexion à {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="294"/>
        <source>Testing the connection to {}…</source>
        <translation>Test de la connexion à {}…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="143"/>
        <source>eodag is not installed in the Python QGIS uses. &apos;Install eodag&apos; installs version {version} for you; or install it by hand:</source>
        <translation>eodag n'est pas installé dans le Python qu'utilise QGIS. « Installer eodag » installe la version {version} pour vous ; ou installez-le à la main :</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="164"/>
        <source>Installing eodag</source>
        <translation>Installation d'eodag</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="167"/>
        <source>Installing eodag {version} with pip…</source>
        <translation>Installation d'eodag {version} avec pip…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eodag_tab.py" line="181"/>
        <source>This Python does not see it yet: restart QGIS to use it.</source>
        <translation>Ce Python ne le voit pas encore : redémarrez QGIS pour l'utiliser.</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="9"/>
        <source>Install eodag</source>
        <translation>Installer eodag</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="9"/>
        <source>Install the tested eodag into your user site-packages of the Python QGIS runs (pip, in the background).</source>
        <translation>Installe l'eodag testé dans vos site-packages utilisateur du Python qu'exécute QGIS (pip, en arrière-plan).</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="34"/>
        <source>Clear footprints</source>
        <translation>Effacer les emprises</translation>
    </message>
    <message>
        <location filename="../ui/eodag_tab.ui" line="34"/>
        <source>Remove the products&apos; outlines from the map.</source>
        <translation>Retirer les contours des produits de la carte.</translation>
    </message>
</context>
<context>
    <name>Eosda</name>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="144"/>
        <source>The view id is empty: pick a scene from the search results (for example S2/13/R/EL/2023/7/19/0).</source>
        <translation>L'ID de vue est vide : choisissez une scène dans les résultats de la recherche (par exemple S2/13/R/EL/2023/7/19/0).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="148"/>
        <source>The view id &apos;{}&apos; does not start with a supported sensor ({}).</source>
        <translation>L'ID de vue « {} » ne commence pas par un capteur pris en charge ({}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="148"/>
        <source>Use a view id returned by the EOSDA search, for example S2/13/R/EL/2023/7/19/0 or L8/LC80110312016028LGN00.</source>
        <translation>Utilisez un ID de vue renvoyé par la recherche EOSDA, par exemple S2/13/R/EL/2023/7/19/0 ou L8/LC80110312016028LGN00.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="160"/>
        <source>The view id &apos;{}&apos; is not a valid {} view id: expected {}.</source>
        <translation>L'ID de vue « {} » n'est pas un ID de vue {} valide : attendu {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="247"/>
        <source>No band is selected: give at least one band (for example B04,B03,B02).</source>
        <translation>Aucune bande n'est sélectionnée : indiquez au moins une bande (par exemple B04,B03,B02).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="223"/>
        <source>Unknown band(s) for {}: {}. Available bands: {}.</source>
        <translation>Bande(s) inconnue(s) pour {} : {}. Bandes disponibles : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="292"/>
        <source>The reference &apos;{}&apos; may only hold letters, digits and _ . : - (at most 128 characters).</source>
        <translation>La référence « {} » ne peut contenir que des lettres, des chiffres et _ . : - (128 caractères au plus).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="298"/>
        <source>The callback URL must be an http(s) URL, not &apos;{}&apos;.</source>
        <translation>L'URL de rappel doit être une URL http(s), pas « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="307"/>
        <source>EOSDA accepts one Polygon per request; a {} was given.</source>
        <translation>EOSDA accepte un seul Polygon par requête ; un {} a été fourni.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="490"/>
        <source>the task is marked &apos;{}&apos; but its answer holds no result file.</source>
        <translation>la tâche est marquée « {} » mais sa réponse ne contient aucun fichier de résultat.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="565"/>
        <source>EOSDA refused the API key: {}</source>
        <translation>EOSDA a refusé la clé d'API : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="565"/>
        <source>Check the EOSDA API key in the plugin settings (QGIS authentication manager) or in EO_DOWNLOADER_EOSDA_API_KEY.</source>
        <translation>Vérifiez la clé d'API EOSDA dans les paramètres de l'extension (gestionnaire d'authentification de QGIS) ou dans EO_DOWNLOADER_EOSDA_API_KEY.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="595"/>
        <source>EOSDA rejected the download request (HTTP {}): {}</source>
        <translation>EOSDA a rejeté la requête de téléchargement (HTTP {}) : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="597"/>
        <source>EOSDA answered the download request with something other than JSON (HTTP {}).</source>
        <translation>EOSDA a répondu à la requête de téléchargement par autre chose que du JSON (HTTP {}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="604"/>
        <source>EOSDA did not create the task: {}</source>
        <translation>EOSDA n'a pas créé la tâche : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="635"/>
        <source>The EOSDA task {} no longer exists on the server (HTTP 404): {}</source>
        <translation>La tâche EOSDA {} n'existe plus sur le serveur (HTTP 404) : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="635"/>
        <source>Tasks expire after their task_timeout; start the download again.</source>
        <translation>Les tâches expirent après leur task_timeout ; relancez le téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="643"/>
        <source>EOSDA could not report on task {} (HTTP {}): {}</source>
        <translation>EOSDA n'a pas pu donner l'état de la tâche {} (HTTP {}) : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="664"/>
        <source>EOSDA answered task {} with unexpected content ({}): {}</source>
        <translation>EOSDA a répondu pour la tâche {} avec un contenu inattendu ({}) : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="712"/>
        <source>The EOSDA task {} failed: {}</source>
        <translation>La tâche EOSDA {} a échoué : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="721"/>
        <source>The EOSDA task {} did not finish within {:.0f} s (status &apos;{}&apos;).</source>
        <translation>La tâche EOSDA {} ne s'est pas terminée en {:.0f} s (état « {} »).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="712"/>
        <source>The server may be busy: try again later.</source>
        <translation type="obsolete">Le serveur est peut-être occupé : réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="783"/>
        <source>The search limit must be a positive number.</source>
        <translation>La limite de recherche doit être un nombre positif.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="816"/>
        <source>The EOSDA search failed (HTTP {}): {}</source>
        <translation>La recherche EOSDA a échoué (HTTP {}) : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="821"/>
        <source>The EOSDA search answered with something other than JSON.</source>
        <translation>La recherche EOSDA a répondu par autre chose que du JSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="827"/>
        <source>The EOSDA search answer has no result list: {}</source>
        <translation>La réponse de la recherche EOSDA n'a pas de liste de résultats : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="868"/>
        <source>No EOSDA API key is set: enter it in the plugin settings (stored in the QGIS authentication manager) or set EO_DOWNLOADER_EOSDA_API_KEY.</source>
        <translation>Aucune clé d'API EOSDA n'est définie : saisissez-la dans les paramètres de l'extension (elle est stockée dans le gestionnaire d'authentification de QGIS) ou définissez EO_DOWNLOADER_EOSDA_API_KEY.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="943"/>
        <source>Unknown EOSDA dataset &apos;{}&apos;; use one of: {}.</source>
        <translation>Jeu de données EOSDA inconnu « {} » ; utilisez l'un de : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="957"/>
        <source>The {} date &apos;{}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>La date de {} « {} » n'est pas une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="962"/>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="963"/>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="965"/>
        <source>The dates are reversed: the start {} is after the end {}.</source>
        <translation>Les dates sont inversées : le début {} est après la fin {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="974"/>
        <source>The cloud cover limit must be a number from 0 to 100.</source>
        <translation>La limite de couverture nuageuse doit être un nombre de 0 à 100.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="977"/>
        <source>The cloud cover limit must be from 0 to 100, not {}.</source>
        <translation>La limite de couverture nuageuse doit être comprise entre 0 et 100, pas {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="986"/>
        <source>The search area must be a GeoJSON polygon.</source>
        <translation>La zone de recherche doit être un polygone GeoJSON.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="991"/>
        <source>The search area must be a GeoJSON Polygon, not {}.</source>
        <translation>La zone de recherche doit être un Polygon GeoJSON, pas {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="87"/>
        <source>The job has no area of interest.</source>
        <translation>La tâche n'a pas de zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="194"/>
        <source>Creating EOSDA task {} of {}...</source>
        <translation>Création de la tâche EOSDA {} sur {}...</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="204"/>
        <source>{} EOSDA task(s) submitted.</source>
        <translation>{} tâche(s) EOSDA soumise(s).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="208"/>
        <source>Waiting for EOSDA...</source>
        <translation>En attente d'EOSDA...</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="229"/>
        <source>EOSDA task {} of {}</source>
        <translation>Tâche EOSDA {} sur {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="230"/>
        <source>EOSDA task</source>
        <translation>Tâche EOSDA</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="231"/>
        <source>{}: waiting for the server.</source>
        <translation>{} : en attente du serveur.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="235"/>
        <source>{}: {} ({:.0f} s)</source>
        <translation>{} : {} ({:.0f} s)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="240"/>
        <source>{}: downloading the result.</source>
        <translation>{} : téléchargement du résultat.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="217"/>
        <source>{}: downloading ({:.1f} MB)</source>
        <translation type="obsolete">{} : téléchargement ({:.1f} Mo)</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="256"/>
        <source>{}: done.</source>
        <translation>{} : terminé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/client.py" line="721"/>
        <source>The server may be busy: try again later (a retry of the job polls the same task again).</source>
        <translation>Le serveur est peut-être occupé : réessayez plus tard (relancer la tâche interroge à nouveau la même tâche EOSDA).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda/runner.py" line="246"/>
        <source>{}: downloading ({})</source>
        <translation>{} : téléchargement ({})</translation>
    </message>
</context>
<context>
    <name>EosdaTab</name>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="58"/>
        <source>Search scenes over the area.</source>
        <translation>Rechercher les scènes sur la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="60"/>
        <source>Search and choose a scene, or enter a view id.</source>
        <translation>Recherchez et choisissez une scène, ou saisissez un ID de vue.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="62"/>
        <source>Enter at least one band.</source>
        <translation>Saisissez au moins une bande.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="64"/>
        <source>Create the download task as a background job.</source>
        <translation>Créer la tâche de téléchargement comme tâche en arrière-plan.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="78"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation type="obsolete">Tâche « {} » soumise ; suivez-la dans le panneau Tâches.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="99"/>
        <source>EOSDA scene search</source>
        <translation>Recherche de scènes EOSDA</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="107"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/eosda_tab.py" line="126"/>
        <source>{} scenes found.</source>
        <translation>{} scènes trouvées.</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="6"/>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="8"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="15"/>
        <source>Max. cloud (%)</source>
        <translation>Nuages max. (%)</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="19"/>
        <source>Search scenes</source>
        <translation>Rechercher des scènes</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="29"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="30"/>
        <source>Cloud %</source>
        <translation>Nuages %</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="34"/>
        <source>View id</source>
        <translation>ID de vue</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="36"/>
        <source>Bands</source>
        <translation>Bandes</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="38"/>
        <source>Merge bands of the same resolution</source>
        <translation>Fusionner les bandes de même résolution</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="39"/>
        <source>Download from EOSDA</source>
        <translation>Télécharger depuis EOSDA</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="20"/>
        <source>Clear footprints</source>
        <translation>Effacer les emprises</translation>
    </message>
    <message>
        <location filename="../ui/eosda_tab.ui" line="20"/>
        <source>Remove the scenes&apos; outlines from the map.</source>
        <translation>Retirer les contours des scènes de la carte.</translation>
    </message>
</context>
<context>
    <name>Http</name>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1055"/>
        <source>the server sent an HTML page: {}</source>
        <translation>le serveur a envoyé une page HTML : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1089"/>
        <source>Check your credentials (API key or sign-in); they were refused.</source>
        <translation>Vérifiez vos identifiants (clé d'API ou connexion) ; ils ont été refusés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1091"/>
        <source>The account is not allowed to do this, or a quota is exhausted.</source>
        <translation>Le compte n'a pas le droit de faire cela, ou un quota est épuisé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1093"/>
        <source>The item does not exist (any more), or the address is wrong.</source>
        <translation>L'élément n'existe pas (ou plus), ou l'adresse est erronée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1095"/>
        <source>The service is limiting the request rate; try again later.</source>
        <translation>Le service limite le débit des requêtes ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1097"/>
        <source>The service has a problem; try again later.</source>
        <translation>Le service rencontre un problème ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1106"/>
        <source>{method} {url} failed with HTTP {status} {reason}: {message}</source>
        <translation>{method} {url} a échoué avec HTTP {status} {reason} : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1106"/>
        <source>(no message)</source>
        <translation>(aucun message)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1234"/>
        <source>(gave up after {} attempts)</source>
        <translation>(abandon après {} tentatives)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1112"/>
        <source>(the service asked to wait {:.0f} s before retrying)</source>
        <translation>(le service a demandé d'attendre {:.0f} s avant de réessayer)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1232"/>
        <source>{method} {url} failed: {error}</source>
        <translation>{method} {url} a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1235"/>
        <source>Check the network connection and proxy settings.</source>
        <translation>Vérifiez la connexion réseau et les paramètres du proxy.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1144"/>
        <source>connection timed out</source>
        <translation>délai de connexion dépassé</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1147"/>
        <source>the server stopped answering (read timed out)</source>
        <translation>le serveur a cessé de répondre (délai de lecture dépassé)</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1149"/>
        <source>TLS/SSL error: {}</source>
        <translation>erreur TLS/SSL : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1153"/>
        <source>connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1155"/>
        <source>the host name could not be resolved</source>
        <translation>le nom d'hôte n'a pas pu être résolu</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1156"/>
        <source>connection error: {}</source>
        <translation>erreur de connexion : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1304"/>
        <source>{method} {url} did not return JSON: {message}</source>
        <translation>{method} {url} n'a pas renvoyé de JSON : {message}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="466"/>
        <source>the server sent {got} bytes in {seconds:.0f} s, slower than the minimum of {rate} bytes/s</source>
        <translation>le serveur a envoyé {got} octets en {seconds:.0f} s, moins que le minimum de {rate} octets/s</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="479"/>
        <source>The answer of {url} is too large: {size} bytes announced, the limit is {limit} bytes.</source>
        <translation>La réponse de {url} est trop grande : {size} octets annoncés, la limite est de {limit} octets.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="482"/>
        <source>The answer of {url} is too large: more than {size} bytes without an announced size, the limit is {limit} bytes.</source>
        <translation>La réponse de {url} est trop grande : plus de {size} octets sans taille annoncée, la limite est de {limit} octets.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="485"/>
        <source>The service sent far more than such an answer holds; check the service address in the settings.</source>
        <translation>Le service a envoyé bien plus que ce que contient une telle réponse ; vérifiez l'adresse du service dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="614"/>
        <source>{method} {url} redirected to an address that is not http(s): {target}</source>
        <translation>{method} {url} a redirigé vers une adresse qui n'est pas http(s) : {target}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="624"/>
        <source>{method} {url}: the server redirected from {origin} to {target}, which is not encrypted (http). The request carries credentials, so the redirect was not followed.</source>
        <translation>{method} {url} : le serveur a redirigé de {origin} vers {target}, qui n'est pas chiffré (http). La requête porte des identifiants : la redirection n'a pas été suivie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="631"/>
        <source>Check the service address in the settings, and the proxy.</source>
        <translation>Vérifiez l'adresse du service dans les paramètres, ainsi que le proxy.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="631"/>
        <source>{method} {url}: the server redirected to another host ({target}) and asked for the request to be sent again there. The request carries credentials, so it was not sent.</source>
        <translation>{method} {url} : le serveur a redirigé vers un autre hôte ({target}) en demandant d'y renvoyer la requête. La requête porte des identifiants : elle n'a pas été envoyée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="736"/>
        <source>{method} {url} was redirected more than {n} times; stopped.</source>
        <translation>{method} {url} a été redirigé plus de {n} fois ; arrêté.</translation>
    </message>
</context>
<context>
    <name>JobNotices</name>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="46"/>
        <source>&apos;{}&apos; is done.</source>
        <translation>« {} » est terminée.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="49"/>
        <source>&apos;{}&apos; failed: {}</source>
        <translation>« {} » a échoué : {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="51"/>
        <source>EO Downloader</source>
        <translation>EO Downloader</translation>
    </message>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="53"/>
        <source>Add to map</source>
        <translation>Ajouter à la carte</translation>
    </message>
    <message>
        <location filename="../plugin/gui/job_notices.py" line="57"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <location filename="../plugin/core/jobs.py" line="44"/>
        <source>Queued</source>
        <translation>En file d'attente</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="45"/>
        <source>Submitted</source>
        <translation>Soumise</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="46"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="47"/>
        <source>Downloading</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="48"/>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="49"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="50"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="58"/>
        <source>Retrying (attempt {} of {})</source>
        <translation>Nouvel essai (tentative {} sur {})</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="824"/>
        <source>Cancelled by the user.</source>
        <translation>Annulée par l'utilisateur.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="154"/>
        <source>Job &apos;{}&apos; failed: {}</source>
        <translation>La tâche « {} » a échoué : {}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="209"/>
        <source>Retrying</source>
        <translation>Nouvelle tentative</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="251"/>
        <source>Resuming job &apos;{}&apos; ({}).</source>
        <translation>Reprise de la tâche « {} » ({}).</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="186"/>
        <source>Cancelling &apos;{}&apos; on the server</source>
        <translation>Annulation de « {} » sur le serveur</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="48"/>
        <source>Could not save the job list to {}: {}</source>
        <translation>Impossible d’enregistrer la liste des tâches dans {} : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/runner.py" line="86"/>
        <source>No output folder is set.</source>
        <translation>Aucun dossier de sortie n'est défini.</translation>
    </message>
    <message>
        <location filename="../plugin/core/output.py" line="57"/>
        <source>Too many jobs of the same name in &apos;{}&apos; at the same second.</source>
        <translation>Trop de tâches du même nom dans « {} » à la même seconde.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="124"/>
        <source>Did not remove {}: it is not inside the output folder {} of the job &apos;{}&apos;.</source>
        <translation>{} n’a pas été supprimé : il ne se trouve pas dans le dossier de sortie {} de la tâche « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="328"/>
        <source>The job list {} could not be read: {}</source>
        <translation>La liste des tâches {} n’a pas pu être lue : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="431"/>
        <source>The job list {} was damaged: {} entries could not be read and were left out; the file as it was is kept in {}.</source>
        <translation>La liste des tâches {} était endommagée : {} entrées n’ont pas pu être lues et ont été laissées de côté ; le fichier tel qu’il était est conservé dans {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="435"/>
        <source>The job list {} was damaged: {} entries could not be read and were left out; no copy of it could be kept.</source>
        <translation>La liste des tâches {} était endommagée : {} entrées n’ont pas pu être lues et ont été laissées de côté ; aucune copie n’a pu en être conservée.</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../ui/jobs_panel.ui" line="5"/>
        <source>EO Downloader jobs</source>
        <translation>Tâches EO Downloader</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="10"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="11"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="12"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="13"/>
        <source>Add to map</source>
        <translation>Ajouter à la carte</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="14"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="15"/>
        <source>Clear finished</source>
        <translation>Effacer les terminées</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="15"/>
        <source>Remove every finished job from the list (their files stay on disk)</source>
        <translation>Retirer de la liste toutes les tâches terminées (leurs fichiers restent sur le disque)</translation>
    </message>
</context>
<context>
    <name>JobsPanelWidget</name>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="24"/>
        <source>EO Downloader jobs</source>
        <translation>Tâches EO Downloader</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="30"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="156"/>
        <source>Select a job to see its details.</source>
        <translation>Sélectionnez une tâche pour en voir les détails.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="166"/>
        <source>Clear finished jobs</source>
        <translation>Effacer les tâches terminées</translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="166"/>
        <source>Remove {} finished job(s) from the list? Their files stay on disk.</source>
        <translation>Retirer {} tâche(s) terminée(s) de la liste ? Leurs fichiers restent sur le disque.</translation>
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
        <translation>Téléchargé par EO Downloader depuis {provider}.
Source : {source}
Bandes : {bands}
Acquisition : {date}
Tâche : {job}</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/layers.py" line="330"/>
        <source>{} (tiles)</source>
        <translation>{} (tuiles)</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/layers.py" line="214"/>
        <source>{name} (preview)</source>
        <translation>{name} (aperçu)</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../plugin/core/names.py" line="40"/>
        <source>The name &quot;{}&quot; cannot be used as a file name: {}.</source>
        <translation>Le nom « {} » ne peut pas servir de nom de fichier : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="40"/>
        <source>Use letters, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;; at most {} bytes (UTF-8: accented letters take 2, most Asian characters 3).</source>
        <translation>Utilisez des lettres, des chiffres, « - », « _ » et « . » ; au plus {} octets (UTF-8 : une lettre accentuée en prend 2, la plupart des caractères asiatiques 3).</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="50"/>
        <source>it takes {} bytes, more than the {} allowed</source>
        <translation>il occupe {} octets, plus que les {} permis</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="52"/>
        <source>it holds a control character</source>
        <translation>il contient un caractère de contrôle</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="54"/>
        <source>it holds a path separator (/ or \)</source>
        <translation>il contient un séparateur de chemin (/ ou \)</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="56"/>
        <source>it is . or ..</source>
        <translation>c'est . ou ..</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="59"/>
        <source>it holds {} (not allowed in Windows file names)</source>
        <translation>il contient {} (interdit dans les noms de fichiers Windows)</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="61"/>
        <source>{} is a reserved device name on Windows</source>
        <translation>{} est un nom de périphérique réservé sous Windows</translation>
    </message>
    <message>
        <location filename="../plugin/core/names.py" line="63"/>
        <source>it ends with a dot or a space</source>
        <translation>il se termine par un point ou une espace</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <location filename="../plugin/adapters/network.py" line="71"/>
        <source>TLS certificate verification is turned off in the EO Downloader settings: connections can be intercepted.</source>
        <translation>La vérification des certificats TLS est désactivée dans les paramètres d'EO Downloader : les connexions peuvent être interceptées.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/network.py" line="54"/>
        <source>Could not write the certificate bundle in {folder} ({error}): certificate authorities added to QGIS are not trusted for downloads.</source>
        <translation>Impossible d’écrire le paquet de certificats dans {folder} ({error}) : les autorités de certification ajoutées à QGIS ne sont pas reconnues pour les téléchargements.</translation>
    </message>
</context>
<context>
    <name>Processing</name>
    <message>
        <location filename="../plugin/processing/base.py" line="54"/>
        <source>Area of interest (polygon layer; &apos;selected features only&apos; honoured)</source>
        <translation>Zone d'intérêt (couche de polygones ; « entités sélectionnées uniquement » respecté)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="57"/>
        <source>Area of interest as an extent (instead of a layer)</source>
        <translation>Zone d'intérêt sous forme d'emprise (au lieu d'une couche)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="69"/>
        <source>Authentication configuration (empty: the plugin settings, or the environment in headless runs)</source>
        <translation>Configuration d'authentification (vide : les paramètres de l'extension, ou l'environnement pour les exécutions sans interface)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="78"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="76"/>
        <source>Downloaded files</source>
        <translation>Fichiers téléchargés</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="85"/>
        <source>Give either AOI or EXTENT, not both.</source>
        <translation>Indiquez soit AOI, soit EXTENT, pas les deux.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="97"/>
        <source>Give an area of interest: a polygon layer (AOI) or an extent (EXTENT).</source>
        <translation>Indiquez une zone d'intérêt : une couche de polygones (AOI) ou une emprise (EXTENT).</translation>
    </message>
    <message>
        <location filename="../plugin/core/runner.py" line="231"/>
        <source>The output folder &apos;{}&apos; cannot be created: {}</source>
        <translation>Le dossier de sortie « {} » ne peut pas être créé : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/runner.py" line="234"/>
        <source>The output folder &apos;{}&apos; is not writable.</source>
        <translation>Le dossier de sortie « {} » n'est pas accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="27"/>
        <source>Earth Engine download (cropped to an area)</source>
        <translation>Téléchargement Earth Engine (découpé sur une zone)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="106"/>
        <source>Image asset id</source>
        <translation>ID d'asset de l'image</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="128"/>
        <source>Bands (comma-separated)</source>
        <translation>Bandes (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="64"/>
        <source>Per-band options (JSON list)</source>
        <translation>Options par bande (liste JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="111"/>
        <source>Scale (metres per pixel)</source>
        <translation>Échelle (mètres par pixel)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="114"/>
        <source>Output CRS</source>
        <translation>SCR de sortie</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="115"/>
        <source>CRS transform (6 numbers)</source>
        <translation>Transformation du SCR (6 nombres)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="118"/>
        <source>Dimensions (WIDTHxHEIGHT)</source>
        <translation>Dimensions (LARGEURxHAUTEUR)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="77"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="80"/>
        <source>One file per band</source>
        <translation>Un fichier par bande</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="83"/>
        <source>File base name</source>
        <translation>Nom de base des fichiers</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="60"/>
        <source>Google Cloud project</source>
        <translation>Projet Google Cloud</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="29"/>
        <source>EOSDA scene search</source>
        <translation>Recherche de scènes EOSDA</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="32"/>
        <source>Searches EOSDA&apos;s catalogue (Search API) for scenes over an area of interest and writes their footprints with date, cloud cover and view id, to choose a VIEW_ID for &apos;EOSDA download&apos;.

AOI / EXTENT: the area (give one). DATASET: the collection (e.g. sentinel2, landsat8).
DATE_FROM / DATE_TO: YYYY-MM-DD; at most a year apart is recommended.
CLOUD_MAX: highest cloud cover in percent. LIMIT: most scenes returned.
AUTHCFG: QGIS authentication configuration holding the EOSDA API key.
OUTPUT: the footprint layer.</source>
        <translation>Recherche dans le catalogue d'EOSDA (Search API) les scènes couvrant une zone d'intérêt et écrit leurs empreintes avec la date, la couverture nuageuse et l'ID de vue, pour choisir un VIEW_ID pour « Téléchargement EOSDA ».

AOI / EXTENT : la zone (indiquez l'une des deux). DATASET : la collection (par ex. sentinel2, landsat8).
DATE_FROM / DATE_TO : AAAA-MM-JJ ; un écart d'un an au plus est recommandé.
CLOUD_MAX : couverture nuageuse maximale en pourcentage. LIMIT : nombre maximal de scènes renvoyées.
AUTHCFG : configuration d'authentification QGIS contenant la clé d'API EOSDA.
OUTPUT : la couche des empreintes.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="43"/>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="76"/>
        <source>From date (YYYY-MM-DD)</source>
        <translation>Date de début (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="79"/>
        <source>To date (YYYY-MM-DD)</source>
        <translation>Date de fin (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="81"/>
        <source>Maximum cloud cover (%)</source>
        <translation>Couverture nuageuse maximale (%)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="53"/>
        <source>Maximum number of scenes</source>
        <translation>Nombre maximal de scènes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="90"/>
        <source>Authentication configuration</source>
        <translation>Configuration d'authentification</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="60"/>
        <source>Scene footprints</source>
        <translation>Empreintes des scènes</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="91"/>
        <source>{} scenes found.</source>
        <translation>{} scènes trouvées.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="107"/>
        <source>EOSDA download (load by extent)</source>
        <translation>Téléchargement EOSDA (chargement par emprise)</translation>
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
        <translation type="obsolete">Crée des tâches 'lbe' (load by extent, chargement par emprise) de l'API Download d'EOSDA pour la zone d'intérêt, attend leur fin et charge les résultats (JP2 pour une bande Sentinel-2, GeoTIFF pour une bande ou des bandes fusionnées d'une même résolution, sinon un zip qui est extrait). Chaque polygone devient une tâche distincte.

AOI / EXTENT : la zone (indiquez l'une des deux). VIEW_ID : la scène, telle que la recherche la renvoie, par ex. S2/13/R/EL/2023/7/19/0.
BANDS : séparées par des virgules, par ex. B04,B03,B02.
MERGE : fusionner les bandes de même résolution dans un seul fichier (oui par défaut).
METADATA : fichiers de métadonnées facultatifs à inclure, séparés par des virgules.
REFERENCE : votre identifiant unique pour la requête (vide : généré).
CALLBACK_URL : URL facultative que le serveur appelle quand la tâche est terminée.
AUTHCFG : configuration d'authentification QGIS contenant la clé d'API EOSDA.
OUTPUT_DIR : où les fichiers sont écrits.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="127"/>
        <source>View id</source>
        <translation>ID de vue</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="130"/>
        <source>Merge bands of the same resolution</source>
        <translation>Fusionner les bandes de même résolution</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="133"/>
        <source>Metadata files (comma-separated)</source>
        <translation>Fichiers de métadonnées (séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="136"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="138"/>
        <source>Callback URL</source>
        <translation>URL de rappel</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="49"/>
        <source>Earth Engine export (batch, to Cloud Storage, Drive or an asset)</source>
        <translation>Export Earth Engine (par lots, vers Cloud Storage, Drive ou un asset)</translation>
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
        <translation type="obsolete">Lance un export par lots Earth Engine d'une image (comme le font Export.image.toCloudStorage / toDrive / toAsset), le suit jusqu'à la fin et rapporte le résultat : les fichiers GeoTIFF sont téléchargés depuis Cloud Storage ou Drive (les fichiers d'un export découpé sont assemblés en un seul VRT) puis chargés ; un asset est ajouté sous forme de couche de tuiles Earth Engine, et peut aussi être téléchargé en GeoTIFF. Contrairement aux téléchargements directs, les exports n'ont pas d'autre limite de taille que MAX_PIXELS. L'export est lancé une seule fois par tâche : une nouvelle tentative, ou un redémarrage de QGIS, suit le même export au lieu d'en lancer un autre. Annuler annule l'export sur Earth Engine.

AOI / EXTENT : la zone, une couche de polygones (entités sélectionnées uniquement si la case est cochée) ou une emprise ; indiquez l'une des deux (ou une grille exacte : CRS, CRS_TRANSFORM et DIMENSIONS LARGEURxHAUTEUR).
IMAGE : l'ID d'asset, par ex. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.
BANDS : noms de bandes séparés par des virgules, par ex. B4,B3,B2 (vide : toutes les bandes ; elles doivent avoir le même type de données).
SCALE : taille des pixels en mètres (vide : l'échelle native de l'image).
CRS : SCR de sortie (vide : celui de l'image). CRS_TRANSFORM : six nombres xScale, xShearing, xTranslation, yShearing, yScale, yTranslation (nécessite CRS).
DIMENSIONS : LARGEURxHAUTEUR en pixels, ou un seul nombre pour le côté le plus long (pas avec SCALE).
DESCRIPTION : le nom de la tâche affiché par Earth Engine (par défaut myExportImageTask) ; c'est aussi le préfixe de nom de fichier par défaut.
DESTINATION : Cloud Storage, Drive ou Asset.
BUCKET : le bucket Cloud Storage (Cloud Storage). FOLDER : le nom du dossier Drive (Drive ; vide : la racine du Drive). PREFIX : le préfixe des noms de fichiers, par ex. exports/my_area (Cloud Storage, Drive ; par défaut la description).
ASSET_ID : l'asset à créer (Asset) : projects/&lt;project&gt;/assets/&lt;name&gt;, users/&lt;user&gt;/&lt;name&gt;, ou un nom placé dans PROJECT.
MAX_PIXELS : le nombre maximal de pixels de l'export (vide : la valeur par défaut d'Earth Engine, 1e8). Si l'export échoue parce qu'il est trop grand, le message indique quoi régler.
PRIORITY : de 0 à 9999, plus elle est élevée, plus l'export s'exécute tôt (vide : 100).
FILE_DIMENSIONS : le plus grand fichier en pixels, LARGEURxHAUTEUR ou un seul nombre, multiples de 256 ; les exports plus grands sont répartis en plusieurs fichiers (assemblés ici en un VRT).
CLOUD_OPTIMIZED : écrire des Cloud-Optimized GeoTIFF. NO_DATA : la valeur écrite dans les pixels masqués (et marquée comme NoData). SKIP_EMPTY : ne pas écrire les fichiers qui ne contiendraient aucun pixel valide.
PYRAMIDING_POLICY : comment les résolutions inférieures de l'asset sont calculées (Asset) : MEAN (par défaut), SAMPLE, MIN, MAX ou MODE. PYRAMIDING_OVERRIDES : par bande, en JSON, par ex. {&quot;SCL&quot;: &quot;MODE&quot;}.
VIS_PARAMS : comment la couche de tuiles de l'asset est dessinée, en JSON, par ex. {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000} (vide : la valeur par défaut d'Earth Engine).
WORKLOAD_TAG : une étiquette pour le calcul dans les rapports d'utilisation de votre projet Cloud (lettres minuscules, chiffres, - et _).
WAIT : suivre l'export jusqu'à la fin (par défaut). Si la case est décochée, l'algorithme se termine dès qu'Earth Engine a accepté l'export ; la tâche reste dans le panneau Tâches, où Réessayer (ou le prochain démarrage de QGIS) la suit et récupère le résultat.
DOWNLOAD : télécharger aussi le nouvel asset en GeoTIFF de la zone (Asset).
PROJECT : votre projet Google Cloud enregistré pour Earth Engine (vide : les paramètres de l'extension).
AUTHCFG : configuration d'authentification QGIS contenant vos identifiants Earth Engine ; la lecture depuis Cloud Storage ou Drive nécessite aussi leurs champs d'application. La couche de tuiles l'utilise pour autoriser ses requêtes.
OUTPUT_DIR : où les fichiers sont écrits.

Sorties : OUTPUT_FILES (les fichiers, et la couche de tuiles d'un asset), OUTPUT_FOLDER, OPERATION (le nom de l'opération Earth Engine, par ex. projects/&lt;project&gt;/operations/&lt;id&gt;) et TILE_LAYER (la source de la couche XYZ d'un asset, ou vide).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="121"/>
        <source>Task description</source>
        <translation>Description de la tâche</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="123"/>
        <source>Destination</source>
        <translation>Destination</translation>
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
        <translation>Bucket Cloud Storage</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="129"/>
        <source>Drive folder</source>
        <translation>Dossier Drive</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="131"/>
        <source>File name prefix</source>
        <translation>Préfixe des noms de fichiers</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="133"/>
        <source>Asset id to create</source>
        <translation>ID de l'asset à créer</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="136"/>
        <source>Maximum number of pixels</source>
        <translation>Nombre maximal de pixels</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="138"/>
        <source>Priority (0-9999)</source>
        <translation>Priorité (0-9999)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="141"/>
        <source>File dimensions (pixels)</source>
        <translation>Dimensions des fichiers (pixels)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="143"/>
        <source>Cloud-Optimized GeoTIFF</source>
        <translation>Cloud-Optimized GeoTIFF</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="145"/>
        <source>No-data value</source>
        <translation>Valeur NoData</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="147"/>
        <source>Skip empty files</source>
        <translation>Ignorer les fichiers vides</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="149"/>
        <source>Pyramiding policy (asset)</source>
        <translation>Règle de pyramidage (asset)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="149"/>
        <source>Default (mean)</source>
        <translation>Par défaut (moyenne)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="152"/>
        <source>Pyramiding policy per band (JSON)</source>
        <translation>Règle de pyramidage par bande (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="155"/>
        <source>Tile layer visualization (JSON)</source>
        <translation>Visualisation de la couche de tuiles (JSON)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="158"/>
        <source>Workload tag</source>
        <translation>Tag de charge de travail</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="163"/>
        <source>Wait for the export and fetch the result</source>
        <translation>Attendre l'export et récupérer le résultat</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="166"/>
        <source>Also download the asset as GeoTIFF</source>
        <translation>Télécharger aussi l'asset en GeoTIFF</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="173"/>
        <source>Earth Engine operation</source>
        <translation>Opération Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="174"/>
        <source>Tile layer (XYZ source)</source>
        <translation>Couche de tuiles (source XYZ)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="221"/>
        <source>EE export {}</source>
        <translation>Export EE {}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="32"/>
        <source>eodag must be installed in QGIS&apos;s Python; the plugin is tested with this command:</source>
        <translation>eodag doit être installé dans le Python de QGIS ; l'extension est testée avec cette commande :</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="61"/>
        <source>eodag provider (empty: eodag&apos;s preferred one)</source>
        <translation>Fournisseur eodag (vide : le fournisseur préféré d'eodag)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="64"/>
        <source>Collection (eodag product type)</source>
        <translation>Collection (type de produit eodag)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="90"/>
        <source>To date (YYYY-MM-DD), included</source>
        <translation>Date de fin (AAAA-MM-JJ), incluse</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="97"/>
        <source>eodag product search</source>
        <translation>Recherche de produits eodag</translation>
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
        <translation>Recherche chez un fournisseur d'eodag (Copernicus Data Space, Earth Search, PEPS, WEkEO, ... la liste vient d'eodag) les produits couvrant une zone d'intérêt et écrit leurs empreintes avec l'id, le titre, la date, la couverture nuageuse, l'état de commande et l'URL de l'aperçu (quicklook), pour choisir les PRODUCT_IDS de « Téléchargement eodag ».

AOI / EXTENT : la zone (indiquez l'une des deux).
PROVIDER : un nom de fournisseur eodag, par ex. cop_dataspace, earth_search, peps (vide : le fournisseur préféré d'eodag).
COLLECTION : un type de produit eodag, par ex. S2_MSI_L2A, S2_MSI_L1C, LANDSAT_C2L2.
DATE_FROM / DATE_TO : AAAA-MM-JJ, toutes deux incluses.
CLOUD_MAX : couverture nuageuse maximale en pourcentage (100 : aucune limite).
LIMIT : nombre maximal de produits renvoyés.
AUTHCFG : configuration d'authentification QGIS contenant les identifiants du fournisseur (Basic : nom d'utilisateur et mot de passe ; ou une clé d'API), transmis à eodag uniquement en mémoire.
OUTPUT : la couche des empreintes ; order_status vaut 'online', 'orderable' (doit être commandé avant le téléchargement) ou 'ordered'.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="119"/>
        <source>Maximum number of products</source>
        <translation>Nombre maximal de produits</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="124"/>
        <source>Product footprints</source>
        <translation>Empreintes des produits</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="152"/>
        <source>{} products found ({} to be ordered).</source>
        <translation>{} produits trouvés ({} à commander).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="171"/>
        <source>eodag download (cut to an area)</source>
        <translation>Téléchargement eodag (découpé sur une zone)</translation>
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
        <translation>Effectue une recherche chez un fournisseur eodag comme « Recherche de produits eodag », télécharge les produits trouvés (ou seulement PRODUCT_IDS) avec eodag, commande ceux qui sont hors ligne si ORDER est activé, puis trouve les bandes demandées dans chaque produit (bandes JP2 des SAFE Sentinel-2, assets STAC, GeoTIFF), les découpe selon la zone dans leur résolution et leur SCR natifs et les charge, avec une composition en couleurs naturelles lorsque le rouge, le vert et le bleu en font partie. Les produits complets restent dans le dossier de sortie ; un produit déjà téléchargé à cet endroit n'est pas téléchargé à nouveau.

AOI / EXTENT : la zone (indiquez l'une des deux). PROVIDER, COLLECTION, DATE_FROM, DATE_TO, CLOUD_MAX : la recherche, comme dans « Recherche de produits eodag ».
PRODUCT_IDS : ID de produits facultatifs (issus de la recherche), séparés par des virgules, pour ne télécharger que ceux-là.
BANDS : séparées par des virgules, par ex. B04,B03,B02 (Sentinel-2), SR_B4 (Landsat) ou les noms STAC red,green,blue ; vide : pas de découpage, les produits eux-mêmes sont les sorties.
ORDER : commander les produits hors ligne (orderable) ; sans cette option, ils sont ignorés.
WAIT : minutes entre deux tentatives de téléchargement pendant la préparation d'une commande ; TIMEOUT : minutes avant d'abandonner (vide : valeurs par défaut d'eodag). Une commande n'est passée qu'une fois : si QGIS est fermé, la tâche reprend l'attente de la même commande.
EXTRACT : extraire les archives téléchargées (comme le fait eodag).
AUTHCFG : configuration d'authentification QGIS contenant les identifiants du fournisseur (Basic : nom d'utilisateur et mot de passe ; ou une clé d'API), transmis à eodag uniquement en mémoire.
OUTPUT_DIR : où les produits et les fichiers découpés sont écrits.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="198"/>
        <source>Product ids (comma-separated; empty: every product found)</source>
        <translation>ID des produits (séparés par des virgules ; vide : tous les produits trouvés)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="201"/>
        <source>Bands to cut (comma-separated)</source>
        <translation>Bandes à découper (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="204"/>
        <source>Order offline products</source>
        <translation>Commander les produits hors ligne</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="206"/>
        <source>Minutes between download tries (empty: eodag&apos;s default)</source>
        <translation>Minutes entre deux tentatives de téléchargement (vide : valeur par défaut d'eodag)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="209"/>
        <source>Minutes before giving up on an order (empty: eodag&apos;s default)</source>
        <translation>Minutes avant d'abandonner une commande (vide : valeur par défaut d'eodag)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/eodag.py" line="212"/>
        <source>Extract archives</source>
        <translation>Extraire les archives</translation>
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
        <translation type="obsolete">Télécharge une image Earth Engine découpée sur une zone d'intérêt, comme le fait ee.data.getDownloadId, et charge le résultat sous forme de couches. Les zones trop grandes pour une seule requête sont automatiquement découpées en tuiles puis assemblées en une mosaïque : un seul Cloud-Optimized GeoTIFF masqué selon la zone.

AOI / EXTENT : la zone, une couche de polygones (entités sélectionnées uniquement si la case est cochée) ou une emprise ; indiquez l'une des deux.
IMAGE : l'ID d'asset, par ex. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.
BANDS : noms de bandes séparés par des virgules, par ex. B4,B3,B2.
BAND_OPTIONS : liste JSON facultative d'options par bande, par ex. [{&quot;id&quot;: &quot;B3&quot;, &quot;scale&quot;: 10}, {&quot;id&quot;: &quot;B11&quot;, &quot;scale&quot;: 20}] (clés id, crs, crs_transform, dimensions, scale).
SCALE : taille des pixels en mètres (vide : l'échelle native de la bande).
CRS : SCR de sortie (vide : celui de l'image). CRS_TRANSFORM : six nombres xScale, xShearing, xTranslation, yShearing, yScale, yTranslation ; avec CRS, elle fixe la grille et la zone est alors ignorée, comme le documente Earth Engine.
DIMENSIONS : LARGEURxHAUTEUR en pixels, ou un seul nombre pour le côté le plus long.
FORMAT : Par défaut (celui d'Earth Engine : un GeoTIFF zippé, un fichier par bande sauf si FILE_PER_BAND est faux), ZIPPED_GEO_TIFF (un fichier multibande), ZIPPED_GEO_TIFF_PER_BAND (un fichier par bande), GEO_TIFF, ou NPY (tableau NumPy, également écrit en GeoTIFF).
FILE_PER_BAND : un fichier par bande avec le format par défaut (un format explicite décide seul, comme dans le client officiel).
NAME : nom de base des fichiers. PROJECT : votre projet Google Cloud enregistré pour Earth Engine.
AUTHCFG : configuration d'authentification QGIS contenant vos identifiants Earth Engine.
OUTPUT_DIR : où les fichiers sont écrits.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="29"/>
        <source>COLLECTION: an Earth Engine image collection id, e.g. {examples}, or any other.
DATE_FROM / DATE_TO: the first and the last day, YYYY-MM-DD (both included).
CLOUD_MAX: the highest cloud cover of a scene in percent, from the collection&apos;s own property (Sentinel-2 CLOUDY_PIXEL_PERCENTAGE, Landsat CLOUD_COVER); empty: no limit.
</source>
        <translation>COLLECTION : un ID de collection d'images Earth Engine, par ex. {examples}, ou toute autre.
DATE_FROM / DATE_TO : le premier et le dernier jour, AAAA-MM-JJ (inclus tous les deux).
CLOUD_MAX : la couverture nuageuse maximale d'une scène en pour cent, d'après la propriété de la collection (Sentinel-2 CLOUDY_PIXEL_PERCENTAGE, Landsat CLOUD_COVER) ; vide : pas de limite.
</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="37"/>
        <source>CLOUD_MASK: none; Cloud Score+ (Sentinel-2: pixels whose cs_cdf score is below 0.6 are masked); Landsat QA (Landsat Collection 2: dilated cloud, cirrus, cloud and shadow bits of QA_PIXEL).
COMPOSITE: how the scenes become one image: median, mean, min, max of the unmasked pixels, or a mosaic with the most recent or the least cloudy scene on top.
</source>
        <translation>CLOUD_MASK : none (aucun) ; Cloud Score+ (Sentinel-2 : les pixels dont le score cs_cdf est inférieur à 0,6 sont masqués) ; Landsat QA (Landsat Collection 2 : bits nuage dilaté, cirrus, nuage et ombre de QA_PIXEL).
COMPOSITE : comment les scènes deviennent une seule image : médiane, moyenne, min, max des pixels non masqués, ou une mosaïque avec la scène la plus récente ou la moins nuageuse au-dessus.
</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="49"/>
        <source>Image collection id</source>
        <translation>ID de la collection d'images</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="60"/>
        <source>Cloud mask</source>
        <translation>Masque de nuages</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="63"/>
        <source>Compositing method</source>
        <translation>Méthode de composition</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="76"/>
        <source>Give an IMAGE, or a COLLECTION with DATE_FROM and DATE_TO.</source>
        <translation>Indiquez une IMAGE, ou une COLLECTION avec DATE_FROM et DATE_TO.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_collection.py" line="80"/>
        <source>Give either IMAGE or COLLECTION, not both.</source>
        <translation>Indiquez IMAGE ou COLLECTION, pas les deux.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="32"/>
        <source>Downloads an Earth Engine image cropped to an area of interest, the way ee.data.getDownloadId does, and loads the result as layers. Areas too large for one request are split into tiles automatically and mosaicked into one Cloud-Optimized GeoTIFF masked to the area.

AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one.
IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; or, instead, COLLECTION with the dates: a composite of the collection&apos;s images over the area.
</source>
        <translation type="obsolete">Télécharge une image Earth Engine découpée sur une zone d'intérêt, comme le fait ee.data.getDownloadId, et charge le résultat sous forme de couches. Les zones trop grandes pour une seule requête sont automatiquement découpées en tuiles puis assemblées en une mosaïque : un seul Cloud-Optimized GeoTIFF masqué selon la zone.

AOI / EXTENT : la zone, une couche de polygones (entités sélectionnées uniquement si la case est cochée) ou une emprise ; indiquez l'une des deux.
IMAGE : l'ID d'asset, par ex. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG ; ou, à la place, COLLECTION avec les dates : un composite des images de la collection sur la zone.
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
        <translation>BANDS : noms de bandes séparés par des virgules, par ex. B4,B3,B2 (une collection : vide pour ses bandes habituelles).
BAND_OPTIONS : liste JSON facultative d'options par bande, par ex. [{&quot;id&quot;: &quot;B3&quot;, &quot;scale&quot;: 10}, {&quot;id&quot;: &quot;B11&quot;, &quot;scale&quot;: 20}] (clés id, crs, crs_transform, dimensions, scale).
SCALE : taille des pixels en mètres (vide : l'échelle native de la bande).
CRS : SCR de sortie (vide : celui de l'image). CRS_TRANSFORM : six nombres xScale, xShearing, xTranslation, yShearing, yScale, yTranslation ; avec CRS, elle fixe la grille et la zone est alors ignorée, comme le documente Earth Engine.
DIMENSIONS : LARGEURxHAUTEUR en pixels, ou un seul nombre pour le côté le plus long.
FORMAT : Par défaut (celui d'Earth Engine : un GeoTIFF zippé, un fichier par bande sauf si FILE_PER_BAND est faux), ZIPPED_GEO_TIFF (un fichier multibande), ZIPPED_GEO_TIFF_PER_BAND (un fichier par bande), GEO_TIFF, ou NPY (tableau NumPy, également écrit en GeoTIFF).
FILE_PER_BAND : un fichier par bande avec le format par défaut (un format explicite décide seul, comme dans le client officiel).
NAME : nom de base des fichiers. PROJECT : votre projet Google Cloud enregistré pour Earth Engine.
AUTHCFG : configuration d'authentification QGIS contenant vos identifiants Earth Engine.
OUTPUT_DIR : où les fichiers sont écrits.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_export.py" line="52"/>
        <source>Starts an Earth Engine batch export of an image (as Export.image.toCloudStorage / toDrive / toAsset do), follows it to the end and brings the result back: the GeoTIFF files are downloaded from Cloud Storage or Drive (files of a split export are joined into one VRT) and loaded; an asset is added as an Earth Engine tile layer, and can also be downloaded as a GeoTIFF. Exports have no size limit besides MAX_PIXELS, unlike direct downloads. The export is started once per job: a retry, or QGIS restarting, follows the same export instead of starting another one. Cancelling cancels the export on Earth Engine.

AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one (or an exact grid: CRS, CRS_TRANSFORM and WIDTHxHEIGHT DIMENSIONS).
IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; or, instead, COLLECTION with the dates: a composite of the collection&apos;s images over the area.
</source>
        <translation>Lance un export par lots Earth Engine d'une image (comme le font Export.image.toCloudStorage / toDrive / toAsset), le suit jusqu'à la fin et rapporte le résultat : les fichiers GeoTIFF sont téléchargés depuis Cloud Storage ou Drive (les fichiers d'un export découpé sont assemblés en un seul VRT) puis chargés ; un asset est ajouté sous forme de couche de tuiles Earth Engine, et peut aussi être téléchargé en GeoTIFF. Contrairement aux téléchargements directs, les exports n'ont pas d'autre limite de taille que MAX_PIXELS. L'export est lancé une seule fois par tâche : une nouvelle tentative, ou un redémarrage de QGIS, suit le même export au lieu d'en lancer un autre. Annuler annule l'export sur Earth Engine.

AOI / EXTENT : la zone, une couche de polygones (entités sélectionnées uniquement si la case est cochée) ou une emprise ; indiquez l'une des deux (ou une grille exacte : CRS, CRS_TRANSFORM et DIMENSIONS LARGEURxHAUTEUR).
IMAGE : l'ID d'asset, par ex. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG ; ou, à la place, COLLECTION avec les dates : un composite des images de la collection sur la zone.
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
        <translation>BANDS : noms de bandes séparés par des virgules, par ex. B4,B3,B2 (vide : toutes les bandes, celles habituelles d'une collection ; elles doivent avoir le même type de données).
SCALE : taille des pixels en mètres (vide : l'échelle native de l'image).
CRS : SCR de sortie (vide : celui de l'image). CRS_TRANSFORM : six nombres xScale, xShearing, xTranslation, yShearing, yScale, yTranslation (nécessite CRS).
DIMENSIONS : LARGEURxHAUTEUR en pixels, ou un seul nombre pour le côté le plus long (pas avec SCALE).
DESCRIPTION : le nom de la tâche affiché par Earth Engine (par défaut myExportImageTask) ; c'est aussi le préfixe de nom de fichier par défaut.
DESTINATION : Cloud Storage, Drive ou Asset.
BUCKET : le bucket Cloud Storage (Cloud Storage). FOLDER : le nom du dossier Drive (Drive ; vide : la racine du Drive). PREFIX : le préfixe des noms de fichiers, par ex. exports/my_area (Cloud Storage, Drive ; par défaut la description).
ASSET_ID : l'asset à créer (Asset) : projects/&lt;project&gt;/assets/&lt;name&gt;, users/&lt;user&gt;/&lt;name&gt;, ou un nom placé dans PROJECT.
MAX_PIXELS : le nombre maximal de pixels de l'export (vide : la valeur par défaut d'Earth Engine, 1e8). Si l'export échoue parce qu'il est trop grand, le message indique quoi régler.
PRIORITY : de 0 à 9999, plus elle est élevée, plus l'export s'exécute tôt (vide : 100).
FILE_DIMENSIONS : le plus grand fichier en pixels, LARGEURxHAUTEUR ou un seul nombre, multiples de 256 ; les exports plus grands sont répartis en plusieurs fichiers (assemblés ici en un VRT).
CLOUD_OPTIMIZED : écrire des Cloud-Optimized GeoTIFF. NO_DATA : la valeur écrite dans les pixels masqués (et marquée comme NoData). SKIP_EMPTY : ne pas écrire les fichiers qui ne contiendraient aucun pixel valide.
PYRAMIDING_POLICY : comment les résolutions inférieures de l'asset sont calculées (Asset) : MEAN (par défaut), SAMPLE, MIN, MAX ou MODE. PYRAMIDING_OVERRIDES : par bande, en JSON, par ex. {&quot;SCL&quot;: &quot;MODE&quot;}.
VIS_PARAMS : comment la couche de tuiles de l'asset est dessinée, en JSON, par ex. {&quot;bands&quot;: [&quot;B4&quot;, &quot;B3&quot;, &quot;B2&quot;], &quot;min&quot;: 0, &quot;max&quot;: 3000} (vide : la valeur par défaut d'Earth Engine).
WORKLOAD_TAG : une étiquette pour le calcul dans les rapports d'utilisation de votre projet Cloud (lettres minuscules, chiffres, - et _).
WAIT : suivre l'export jusqu'à la fin (par défaut). Si la case est décochée, l'algorithme se termine dès qu'Earth Engine a accepté l'export ; la tâche reste dans le panneau Tâches, où Réessayer (ou le prochain démarrage de QGIS) la suit et récupère le résultat.
DOWNLOAD : télécharger aussi le nouvel asset en GeoTIFF de la zone (Asset).
PROJECT : votre projet Google Cloud enregistré pour Earth Engine (vide : les paramètres de l'extension).
AUTHCFG : configuration d'authentification QGIS contenant vos identifiants Earth Engine ; la lecture depuis Cloud Storage ou Drive nécessite aussi leurs champs d'application. La couche de tuiles l'utilise pour autoriser ses requêtes.
OUTPUT_DIR : où les fichiers sont écrits.

Sorties : OUTPUT_FILES (les fichiers, et la couche de tuiles d'un asset), OUTPUT_FOLDER, OPERATION (le nom de l'opération Earth Engine, par ex. projects/&lt;project&gt;/operations/&lt;id&gt;) et TILE_LAYER (la source de la couche XYZ d'un asset, ou vide).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="34"/>
        <source>Earth Engine collection search</source>
        <translation>Recherche dans une collection Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="37"/>
        <source>Lists the images of an Earth Engine collection over an area of interest and a period (as ee.data.listImages does) and writes their footprints with id, date and cloud cover, least cloudy first; to choose an IMAGE for &apos;Earth Engine download&apos; or &apos;Earth Engine export&apos;. In a model, LEAST_CLOUDY_ID feeds the least cloudy image straight into them.

AOI / EXTENT: the area (give one).
</source>
        <translation>Liste les images d'une collection Earth Engine sur une zone d'intérêt et une période (comme le fait ee.data.listImages) et écrit leurs emprises avec ID, date et couverture nuageuse, la moins nuageuse d'abord ; pour choisir une IMAGE pour « Téléchargement Earth Engine » ou « Export Earth Engine ». Dans un modèle, LEAST_CLOUDY_ID leur passe directement l'image la moins nuageuse.

AOI / EXTENT : la zone (indiquez l'une des deux).
</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="45"/>
        <source>LIMIT: most images listed.
PROJECT: your Google Cloud project registered for Earth Engine.
AUTHCFG: QGIS authentication configuration with your Earth Engine credentials.
OUTPUT: the footprint layer (fields id, date, cloud).
LEAST_CLOUDY_ID: the id of the least cloudy image (empty when none is found). COUNT: how many images were found.</source>
        <translation>LIMIT : nombre maximal d'images listées.
PROJECT : votre projet Google Cloud enregistré pour Earth Engine.
AUTHCFG : configuration d'authentification QGIS contenant vos identifiants Earth Engine.
OUTPUT : la couche des emprises (champs id, date, cloud).
LEAST_CLOUDY_ID : l'ID de l'image la moins nuageuse (vide si aucune n'est trouvée). COUNT : le nombre d'images trouvées.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="57"/>
        <source>Maximum number of images</source>
        <translation>Nombre maximal d'images</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="65"/>
        <source>Image footprints</source>
        <translation>Emprises des images</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="67"/>
        <source>Least cloudy image id</source>
        <translation>ID de l'image la moins nuageuse</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="69"/>
        <source>Number of images</source>
        <translation>Nombre d'images</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="88"/>
        <source>{} images found.</source>
        <translation>{} images trouvées.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_search.py" line="90"/>
        <source>The listing stopped at {} images; narrow the period or the area to see them all.</source>
        <translation>La liste s'est arrêtée à {} images ; réduisez la période ou la zone pour les voir toutes.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="60"/>
        <source>One job per feature of the area of interest</source>
        <translation>Une tâche par entité de la zone d'intérêt</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="63"/>
        <source>Field naming each feature&apos;s job and folder (empty: the feature id)</source>
        <translation>Champ qui nomme la tâche et le dossier de chaque entité (vide : l'ID de l'entité)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="110"/>
        <source>One job per feature needs a polygon layer (AOI).</source>
        <translation>Une tâche par entité demande une couche de polygones (AOI).</translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="139"/>
        <source>Feature {} of {}: {}</source>
        <translation>Entité {} sur {} : {}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="30"/>
        <source>Downloads an Earth Engine image cropped to an area of interest, the way ee.data.getDownloadId does, and loads the result as layers. Areas too large for one request are split into tiles automatically and mosaicked into one Cloud-Optimized GeoTIFF masked to the area.

AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one.
ONE_JOB_PER_FEATURE: one download per feature of AOI, each in a folder of OUTPUT_DIR named after the feature&apos;s NAME_FIELD value (its id when empty).
IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG; or, instead, COLLECTION with the dates: a composite of the collection&apos;s images over the area.
</source>
        <translation>Télécharge une image Earth Engine découpée sur une zone d'intérêt, comme le fait ee.data.getDownloadId, et charge le résultat sous forme de couches. Les zones trop grandes pour une seule requête sont automatiquement découpées en tuiles puis assemblées en une mosaïque : un seul Cloud-Optimized GeoTIFF masqué selon la zone.

AOI / EXTENT : la zone, une couche de polygones (entités sélectionnées uniquement si la case est cochée) ou une emprise ; indiquez l'une des deux.
ONE_JOB_PER_FEATURE : un téléchargement par entité d'AOI, chacun dans un dossier d'OUTPUT_DIR au nom de la valeur NAME_FIELD de l'entité (son ID si elle est vide).
IMAGE : l'ID d'asset, par ex. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG ; ou, à la place, COLLECTION avec les dates : un composite des images de la collection sur la zone.
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
        <translation>Crée des tâches 'lbe' (load by extent, chargement par emprise) de l'API Download d'EOSDA pour la zone d'intérêt, attend leur fin et charge les résultats (JP2 pour une bande Sentinel-2, GeoTIFF pour une bande ou des bandes fusionnées d'une même résolution, sinon un zip qui est extrait). Chaque polygone devient une tâche distincte.

AOI / EXTENT : la zone (indiquez l'une des deux). VIEW_ID : la scène, telle que la recherche la renvoie, par ex. S2/13/R/EL/2023/7/19/0.
BANDS : séparées par des virgules, par ex. B04,B03,B02.
MERGE : fusionner les bandes de même résolution dans un seul fichier (oui par défaut).
METADATA : fichiers de métadonnées facultatifs à inclure, séparés par des virgules.
REFERENCE : votre identifiant unique pour la requête (vide : généré).
CALLBACK_URL : URL facultative que le serveur appelle quand la tâche est terminée.
AUTHCFG : configuration d'authentification QGIS contenant la clé d'API EOSDA.
ONE_JOB_PER_FEATURE : un téléchargement par entité d'AOI, chacun dans un dossier d'OUTPUT_DIR au nom de la valeur NAME_FIELD de l'entité (son ID si elle est vide).
OUTPUT_DIR : où les fichiers sont écrits.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="27"/>
        <source>The items file {path} cannot be read: {error}</source>
        <translation>Le fichier d'items {path} ne peut pas être lu : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="33"/>
        <source>The items file {path} holds no STAC Items.</source>
        <translation>Le fichier d'items {path} ne contient aucun item STAC.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="55"/>
        <source>STAC download (cut to an area)</source>
        <translation>Téléchargement STAC (découpé à une zone)</translation>
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
        <translation type="obsolete">Lit les items d'un catalogue STAC sur une zone : d'un GeoTIFF optimisé pour le cloud (COG), seuls les pixels de la zone transitent (requêtes HTTP par plages) ; les autres ressources sont téléchargées en entier, puis découpées. Chaque ressource garde sa grille et son système de coordonnées d'origine ; les pixels hors du polygone sont sans donnée. Les items d'une même date sont assemblés en un fichier par date, chargé comme une couche par date avec sa date réglée pour le contrôleur temporel.

API : l'adresse du catalogue (p. ex. https://earth-search.aws.element84.com/v1).
COLLECTION : l'identifiant de la collection, p. ex. sentinel-2-l2a.
AOI / EXTENT : la zone (donnez-en une).
DATE_FROM / DATE_TO : AAAA-MM-JJ, toutes deux incluses.
CLOUD_MAX : couverture nuageuse maximale en pourcentage (100 : sans limite).
ASSETS : clés des ressources séparées par des virgules, dans l'ordre des bandes de sortie, p. ex. red,green,blue.
MAX_ITEMS : nombre maximal d'items lus.
STACK_VRT : écrire aussi une pile temporelle VRT multibande (bandes nommées '&lt;date&gt; &lt;ressource&gt;').
SIGNING : comment les liens des ressources sont signés avant lecture (Planetary Computer).
ITEMS_FILE : fichier JSON facultatif d'items STAC (une FeatureCollection) ; s'il est donné, le catalogue n'est pas interrogé et DATE_FROM, DATE_TO et CLOUD_MAX ne servent pas.
AUTHCFG : configuration d'authentification QGIS d'un catalogue privé (ses en-têtes ne vont qu'à l'adresse du catalogue lui-même).
OUTPUT_DIR : où les fichiers sont écrits.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="84"/>
        <source>STAC API address</source>
        <translation>Adresse de l'API STAC</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="75"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="95"/>
        <source>Assets (comma-separated, in band order)</source>
        <translation>Ressources (séparées par des virgules, dans l'ordre des bandes)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="85"/>
        <source>Maximum number of items</source>
        <translation>Nombre maximal d'items</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="101"/>
        <source>Also write a VRT time stack</source>
        <translation>Écrire aussi une pile temporelle VRT</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="103"/>
        <source>Signing of asset links</source>
        <translation>Signature des liens de ressources</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="103"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="106"/>
        <source>Items file (JSON; instead of a search)</source>
        <translation>Fichier d'items (JSON ; au lieu d'une recherche)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="125"/>
        <source>{n} items; the first {cap} are read.</source>
        <translation>{n} items ; les {cap} premiers sont lus.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="18"/>
        <source>Another catalogue (CATALOGUE_URL)</source>
        <translation>Un autre catalogue (CATALOGUE_URL)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="47"/>
        <source>STAC catalogue search</source>
        <translation>Recherche dans un catalogue STAC</translation>
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
        <translation>Cherche dans un catalogue d'API STAC les items d'une collection sur une zone d'intérêt et une période, et écrit leurs emprises, les plus récentes d'abord.

AOI / EXTENT : la zone (en donner une).
CATALOGUE : un catalogue connu, ou CATALOGUE_URL : l'URL racine de n'importe quelle API STAC (elle l'emporte si elle est donnée).
COLLECTION : l'ID de la collection (p. ex. sentinel-2-l2a).
DATE_FROM / DATE_TO : AAAA-MM-JJ (vide : ouvert).
CLOUD_MAX : couverture nuageuse maximale en pour cent (100 : pas de limite). Le catalogue filtre quand il le peut (filtre CQL2 ou extension query) ; sinon les items sont filtrés ici, ceux sans couverture nuageuse sont gardés, et le journal le dit.
MAX_ITEMS : nombre maximal d'items listés.
AUTHCFG : configuration d'authentification QGIS d'un catalogue privé (Basic, OAuth2, jeton ou en-tête d'API).
OUTPUT : la couche des emprises (champs id, datetime, cloud, collection, assets, thumbnail). NEWEST_ID : l'ID de l'item le plus récent. COUNT : le nombre d'items trouvés.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="70"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="72"/>
        <source>Catalogue URL (instead of a known catalogue)</source>
        <translation>URL du catalogue (au lieu d'un catalogue connu)</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="93"/>
        <source>Item footprints</source>
        <translation>Emprises des items</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="95"/>
        <source>Newest item id</source>
        <translation>ID de l'item le plus récent</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="96"/>
        <source>Number of items</source>
        <translation>Nombre d'items</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="106"/>
        <source>Give the catalogue&apos;s URL in CATALOGUE_URL.</source>
        <translation>Indiquez l'URL du catalogue dans CATALOGUE_URL.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_search.py" line="114"/>
        <source>{} items found.</source>
        <translation>{} items trouvés.</translation>
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
        <translation>Lit les items d'un catalogue STAC sur une zone : d'un GeoTIFF optimisé pour le cloud (COG), seuls les pixels de la zone transitent (requêtes HTTP par plages) ; les autres ressources sont téléchargées en entier, puis découpées. Chaque ressource garde sa grille et son système de coordonnées d'origine ; les pixels hors du polygone sont sans donnée. Les items d'une même date sont assemblés en un fichier par date, chargé comme une couche par date avec sa date réglée pour le contrôleur temporel.

API : l'adresse du catalogue (p. ex. https://earth-search.aws.element84.com/v1).
COLLECTION : l'identifiant de la collection, p. ex. sentinel-2-l2a.
AOI / EXTENT : la zone (donnez-en une).
DATE_FROM / DATE_TO : AAAA-MM-JJ, toutes deux incluses.
CLOUD_MAX : couverture nuageuse maximale en pourcentage (100 : sans limite).
ASSETS : clés des ressources séparées par des virgules, dans l'ordre des bandes de sortie, p. ex. red,green,blue.
MAX_ITEMS : nombre maximal d'items lus.
STACK_VRT : écrire aussi une pile temporelle VRT multibande (bandes nommées '&lt;date&gt; &lt;ressource&gt;').
SIGNING : comment les liens des ressources sont signés avant lecture (Planetary Computer).
ITEMS_FILE : fichier JSON facultatif d'items STAC (une FeatureCollection) ; s'il est donné, le catalogue n'est pas interrogé et DATE_FROM, DATE_TO et CLOUD_MAX ne servent pas.
AUTHCFG : configuration d'authentification QGIS d'un catalogue privé (ses en-têtes ne vont qu'à l'adresse du catalogue lui-même).
S3_AUTHCFG : pour les ressources s3:// de compartiments privés ou à paiement par le demandeur, une configuration Basic (nom d'utilisateur = identifiant de clé d'accès, mot de passe = clé secrète) ; vide : les identifiants S3 des paramètres de l'extension, sinon des lectures anonymes. Le point d'accès S3 (AWS par défaut) se règle dans les paramètres de l'extension.
OUTPUT_DIR : où les fichiers sont écrits.</translation>
    </message>
    <message>
        <location filename="../plugin/processing/stac_download.py" line="109"/>
        <source>S3 credentials of s3:// assets (empty: the plugin settings)</source>
        <translation>Identifiants S3 des ressources s3:// (vide : les paramètres de l'extension)</translation>
    </message>
</context>
<context>
    <name>ProductCut</name>
    <message>
        <location filename="../plugin/core/providers/eodag/cut.py" line="306"/>
        <source>{path} has no band {index}.</source>
        <translation>{path} n'a pas de bande {index}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/cut.py" line="315"/>
        <source>select band {index} of {path}</source>
        <translation>sélectionner la bande {index} de {path}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eodag/cut.py" line="343"/>
        <source>cut {path} to the area of interest</source>
        <translation>découper {path} selon la zone d'intérêt</translation>
    </message>
</context>
<context>
    <name>Raster</name>
    <message>
        <location filename="../plugin/core/raster.py" line="95"/>
        <source>GDAL could not {what}.</source>
        <translation>GDAL n'a pas pu {what}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="504"/>
        <source>open {path}</source>
        <translation>ouvrir {path}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="592"/>
        <source>The area of interest is not valid GeoJSON.</source>
        <translation>La zone d'intérêt n'est pas un GeoJSON valide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="431"/>
        <source>The area of interest must be a polygon, not {kind}.</source>
        <translation>La zone d'intérêt doit être un polygone, pas {kind}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="454"/>
        <source>The area of interest is empty.</source>
        <translation>La zone d'intérêt est vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="522"/>
        <source>The tiles do not share one coordinate system ({path}).</source>
        <translation>Les tuiles n'ont pas un système de coordonnées commun ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1082"/>
        <source>The tiles do not have the same bands ({path}).</source>
        <translation>Les tuiles n'ont pas les mêmes bandes ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="530"/>
        <source>The tiles do not have the same pixel size ({path}).</source>
        <translation>Les tuiles n'ont pas la même taille de pixel ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1087"/>
        <source>The tiles are not on one pixel grid ({path}).</source>
        <translation>Les tuiles ne sont pas sur une même grille de pixels ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1175"/>
        <source>There are no tiles to combine.</source>
        <translation>Il n'y a aucune tuile à assembler.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1344"/>
        <source>{n} band names were given for {m} bands.</source>
        <translation>{n} noms de bandes ont été donnés pour {m} bandes.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1119"/>
        <source>combine the tiles</source>
        <translation>assembler les tuiles</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="793"/>
        <source>mask the raster</source>
        <translation>masquer le raster</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="319"/>
        <source>write {path}</source>
        <translation>écrire {path}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1229"/>
        <source>build overviews</source>
        <translation>construire les pyramides</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1276"/>
        <source>There are no bands to stack.</source>
        <translation>Il n'y a aucune bande à empiler.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1278"/>
        <source>{n} band names were given for {m} files.</source>
        <translation>{n} noms de bandes ont été donnés pour {m} fichiers.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1286"/>
        <source>{path} has {n} bands; a stack takes single-band files.</source>
        <translation>{path} a {n} bandes ; un empilement n'accepte que des fichiers à une seule bande.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1290"/>
        <source>The band files do not share one coordinate system ({path}).</source>
        <translation>Les fichiers de bandes n'ont pas un système de coordonnées commun ({path}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1327"/>
        <source>Cannot read the NumPy file {path}: {error}</source>
        <translation>Impossible de lire le fichier NumPy {path} : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1332"/>
        <source>The NumPy array has {n} dimensions; 2 were expected.</source>
        <translation>Le tableau NumPy a {n} dimensions ; 2 étaient attendues.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1340"/>
        <source>The NumPy array has {n} dimensions; 2 or 3 were expected.</source>
        <translation>Le tableau NumPy a {n} dimensions ; 2 ou 3 étaient attendues.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1349"/>
        <source>Unsupported pixel type {dtype}.</source>
        <translation>Type de pixel {dtype} non pris en charge.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1354"/>
        <source>Unknown coordinate system: {crs}</source>
        <translation>Système de coordonnées inconnu : {crs}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="1356"/>
        <source>A geotransform has 6 numbers.</source>
        <translation>Un géoréférencement affine (geotransform) a 6 nombres.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="601"/>
        <source>transform the area of interest</source>
        <translation>transformer la zone d'intérêt</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="228"/>
        <source>The server sent a web page instead of an image ({name}): {words}</source>
        <translation>Le serveur a envoyé une page web au lieu d'une image ({name}) : {words}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="228"/>
        <source>The link may have expired or need a sign-in; try again later.</source>
        <translation>Le lien a peut-être expiré ou demande une connexion ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="232"/>
        <source>The server sent a message instead of an image ({name}): {words}</source>
        <translation>Le serveur a envoyé un message au lieu d'une image ({name}) : {words}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="239"/>
        <source>{name} ({size} bytes) is not an image GDAL can read: {detail}</source>
        <translation>{name} ({size} octets) n'est pas une image que GDAL sait lire : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="239"/>
        <source>The server sent a damaged file; try again later.</source>
        <translation>Le serveur a envoyé un fichier endommagé ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="266"/>
        <source>The server sent a tile that does not match the request ({name}): {want} was asked for, {got} came.</source>
        <translation>Le serveur a envoyé une tuile qui ne correspond pas à la demande ({name}) : {want} demandé, {got} reçu.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="266"/>
        <source>Earth Engine sent another grid than the one requested; try again later.</source>
        <translation>Earth Engine a envoyé une autre grille que celle demandée ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="274"/>
        <source>{w} x {h} pixels, {n} band(s)</source>
        <translation>{w} x {h} pixels, {n} bande(s)</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="299"/>
        <source>{member} in {name} is not an image GDAL can read: {detail}</source>
        <translation>{member} dans {name} n'est pas une image que GDAL sait lire : {detail}</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="342"/>
        <source>The folder {name} holds no image.</source>
        <translation>Le dossier {name} ne contient aucune image.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="348"/>
        <source>The output {path} does not exist.</source>
        <translation>Le résultat {path} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="133"/>
        <source>read the pixels</source>
        <translation>lire les pixels</translation>
    </message>
    <message>
        <location filename="../plugin/core/raster.py" line="147"/>
        <source>write the pixels</source>
        <translation>écrire les pixels</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.ui" line="5"/>
        <source>EO Downloader settings</source>
        <translation>Paramètres d'EO Downloader</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="19"/>
        <source>Google Earth Engine</source>
        <translation>Google Earth Engine</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="21"/>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="31"/>
        <source>Cloud project</source>
        <translation>Projet Cloud</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="50"/>
        <source>API base URL</source>
        <translation>URL de base de l'API</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="35"/>
        <source>Token endpoint</source>
        <translation>Point de terminaison de jeton</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="44"/>
        <source>EOSDA API Connect</source>
        <translation>EOSDA API Connect</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="46"/>
        <source>API key</source>
        <translation>Clé d'API</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="76"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="78"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="80"/>
        <source>Largest area (km²)</source>
        <translation>Superficie maximale (km²)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="44"/>
        <source>Parallel tiles</source>
        <translation type="obsolete">Tuiles en parallèle</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="84"/>
        <source>Verify TLS certificates (turn off only for a trusted test server)</source>
        <translation>Vérifier les certificats TLS (à désactiver uniquement pour un serveur de test de confiance)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="175"/>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="202"/>
        <source>Testing the Earth Engine connection</source>
        <translation>Test de la connexion à Earth Engine</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="218"/>
        <source>Testing the EOSDA connection</source>
        <translation>Test de la connexion à EOSDA</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="53"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="38"/>
        <source>Reads a small public image and asks for a download id with these settings (nothing is downloaded).</source>
        <translation>Lit une petite image publique et demande un ID de téléchargement avec ces paramètres (rien n'est téléchargé).</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="53"/>
        <source>Runs a one-scene search with this key.</source>
        <translation>Lance une recherche d'une scène avec cette clé.</translation>
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
        <translation>⚠ Identifiants : le jeton de la variable d'environnement {}
    (aucune configuration n'est choisie ici).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="67"/>
        <source>Credentials: the earthengine credentials file {}
    (no configuration is chosen here).</source>
        <translation>Identifiants : le fichier d'identifiants earthengine {}
    (aucune configuration n'est choisie ici).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="70"/>
        <source>Credentials: none yet; choose or create a configuration.</source>
        <translation>Identifiants : aucun pour l'instant ; choisissez ou créez une configuration.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="78"/>
        <source>⚠ API key: the environment variable {}
    (no configuration is chosen here).</source>
        <translation>⚠ Clé d'API : la variable d'environnement {}
    (aucune configuration n'est choisie ici).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="78"/>
        <source>API key: none yet; choose or create a configuration.</source>
        <translation>Clé d'API : aucune pour l'instant ; choisissez ou créez une configuration.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="93"/>
        <source>Google Earth Engine (sign in)</source>
        <translation>Google Earth Engine (connexion)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="98"/>
        <source>An OAuth2 configuration was created: QGIS opens the browser to sign in with Google when it is first used (Test connection does that now).</source>
        <translation>Une configuration OAuth2 a été créée : QGIS ouvre le navigateur pour vous connecter avec Google à sa première utilisation (Tester la connexion le fait maintenant).</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="106"/>
        <source>Google Earth Engine (earthengine credentials)</source>
        <translation>Google Earth Engine (identifiants earthengine)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="113"/>
        <source>Your earthengine credentials were copied into QGIS&apos;s encrypted authentication database.</source>
        <translation>Vos identifiants earthengine ont été copiés dans la base d'authentification chiffrée de QGIS.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="228"/>
        <source>⚠ {}: {}
    set by the environment variable {}, which overrides this dialog.</source>
        <translation>⚠ {} : {}
    fixé par la variable d'environnement {}, qui prime sur cette boîte de dialogue.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/settings_dialog.py" line="230"/>
        <source>{}: {}</source>
        <translation>{} : {}</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="27"/>
        <source>Sign in with Google…</source>
        <translation>Se connecter avec Google…</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="27"/>
        <source>Creates an OAuth2 configuration for Earth Engine (Google&apos;s client, scopes and token URL filled in); QGIS opens the browser to sign in the first time it is used.</source>
        <translation>Crée une configuration OAuth2 pour Earth Engine (client Google, portées et URL de jeton remplis) ; QGIS ouvre le navigateur pour vous connecter à sa première utilisation.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="28"/>
        <source>Use my earthengine credentials</source>
        <translation>Utiliser mes identifiants earthengine</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="28"/>
        <source>Copies the refresh token that &quot;earthengine authenticate&quot; saved in ~/.config/earthengine/credentials into QGIS&apos;s encrypted authentication database.</source>
        <translation>Copie le jeton d'actualisation que « earthengine authenticate » a enregistré dans ~/.config/earthengine/credentials dans la base d'authentification chiffrée de QGIS.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="59"/>
        <source>STAC catalogues</source>
        <translation>Catalogues STAC</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="61"/>
        <source>Default catalogue</source>
        <translation>Catalogue par défaut</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="63"/>
        <source>Planetary Computer token endpoint</source>
        <translation>Service de jetons de Planetary Computer</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="82"/>
        <source>Earth Engine requests at once (at most)</source>
        <translation>Requêtes Earth Engine simultanées (au plus)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="83"/>
        <source>Downloads start with a few requests at once and send more while Earth Engine keeps up, fewer when it asks to slow down. Lower this on a project with a small quota (Earth Engine allows 40 per project).</source>
        <translation>Les téléchargements commencent avec quelques requêtes simultanées et en envoient davantage tant qu'Earth Engine suit, moins quand il demande de ralentir. Réduisez cette valeur pour un projet au quota limité (Earth Engine en autorise 40 par projet).</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="85"/>
        <source>Also add single bands (besides the composite of a download)</source>
        <translation>Ajouter aussi les bandes seules (en plus de la composition d'un téléchargement)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="85"/>
        <source>A download of several bands adds its composite, drawn as RGB; tick this to add each band as a layer of its own too.</source>
        <translation>Un téléchargement de plusieurs bandes ajoute sa composition, affichée en RVB ; cochez ceci pour ajouter aussi chaque bande comme couche à part.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="23"/>
        <source>An OAuth2 configuration (you sign in with Google), or a Basic one whose password is
the JSON of &quot;earthengine authenticate&quot; or of a service-account key; the buttons make one.</source>
        <translation>Une configuration OAuth2 (vous vous connectez avec Google), ou une Basic dont le mot de passe est
le JSON de « earthengine authenticate » ou d'une clé de compte de service ; les boutons en créent une.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="48"/>
        <source>An &quot;API key / token&quot; (EsriToken) configuration whose token is your EOSDA API key,
or a Basic one whose password is the key.</source>
        <translation>Une configuration « API key / token » (EsriToken) dont le jeton est votre clé d'API EOSDA,
ou une configuration Basic dont le mot de passe est la clé.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="65"/>
        <source>S3 credentials</source>
        <translation>Identifiants S3</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="67"/>
        <source>For s3:// assets of private or requester-pays buckets: a Basic configuration
(user name = access key id, password = secret key). Empty: anonymous reads.</source>
        <translation>Pour les ressources s3:// de compartiments privés ou à paiement par le demandeur : une configuration Basic
(nom d'utilisateur = identifiant de clé d'accès, mot de passe = clé secrète). Vide : lectures anonymes.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="69"/>
        <source>S3 endpoint</source>
        <translation>Point d'accès S3</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="70"/>
        <source>AWS (empty), or e.g. https://minio.example.org</source>
        <translation>AWS (vide), ou p. ex. https://minio.example.org</translation>
    </message>
</context>
<context>
    <name>Stac</name>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="28"/>
        <source>The authentication configuration holds no user name or password.</source>
        <translation>La configuration d'authentification ne contient ni nom d'utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="40"/>
        <source>The authentication configuration holds no token.</source>
        <translation>La configuration d'authentification ne contient aucun jeton.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="53"/>
        <source>The header &apos;{}&apos; of the authentication configuration is not a valid HTTP header.</source>
        <translation>L'en-tête « {} » de la configuration d'authentification n'est pas un en-tête HTTP valide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="57"/>
        <source>The authentication configuration holds no header.</source>
        <translation>La configuration d'authentification ne contient aucun en-tête.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="119"/>
        <source>The date &apos;{}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>« {} » n'est pas une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="124"/>
        <source>The dates are reversed: the start {} is after the end {}.</source>
        <translation>Les dates sont inversées : le début {} est après la fin {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="133"/>
        <source>No collection is chosen: load the catalogue&apos;s collections and pick one.</source>
        <translation>Aucune collection n'est choisie : chargez les collections du catalogue et choisissez-en une.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="136"/>
        <source>The maximum cloud cover must be between 0 and 100 %.</source>
        <translation>La couverture nuageuse maximale doit être comprise entre 0 et 100 %.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="138"/>
        <source>The page size and the maximum number of items must be positive.</source>
        <translation>La taille de page et le nombre maximal d'items doivent être positifs.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="152"/>
        <source>The catalogue address must be an http(s) URL, not &apos;{}&apos;.</source>
        <translation>L'adresse du catalogue doit être une URL http(s), pas « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="187"/>
        <source>The STAC catalogue {} refused the request (HTTP {}): {}</source>
        <translation>Le catalogue STAC {} a refusé la requête (HTTP {}) : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="187"/>
        <source>A private catalogue needs an authentication configuration (Basic, OAuth2, or an API header); check the one chosen.</source>
        <translation>Un catalogue privé demande une configuration d'authentification (Basic, OAuth2 ou un en-tête d'API) ; vérifiez celle choisie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="194"/>
        <source>The STAC catalogue answered {} {} with HTTP {}: {}</source>
        <translation>Le catalogue STAC a répondu à {} {} par HTTP {} : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="240"/>
        <source>The catalogue&apos;s collection list is not a STAC answer (no &apos;collections&apos;): {}</source>
        <translation>La liste des collections du catalogue n'est pas une réponse STAC (pas de « collections ») : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="262"/>
        <source>The catalogue {} has no collection &apos;{}&apos;.</source>
        <translation>Le catalogue {} n'a pas de collection « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="262"/>
        <source>Load the catalogue&apos;s collections and pick one of them.</source>
        <translation>Chargez les collections du catalogue et choisissez-en une.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="287"/>
        <source>The catalogue {} does not offer item search (its conformance does not list &apos;item-search&apos;).</source>
        <translation>Le catalogue {} ne propose pas de recherche d'items (sa conformité ne mentionne pas « item-search »).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="305"/>
        <source>The catalogue cannot sort (no sort extension): these are the first items it gave, not necessarily the newest.</source>
        <translation>Le catalogue ne sait pas trier (pas d'extension sort) : ce sont les premiers items qu'il a donnés, pas forcément les plus récents.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="308"/>
        <source>The catalogue searches by GET only: it was asked for the area&apos;s bounding box, and the items outside the area itself were left out here.</source>
        <translation>Le catalogue ne cherche que par GET : il a été interrogé sur l'emprise de la zone, et les items hors de la zone elle-même ont été écartés ici.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="328"/>
        <source>The catalogue&apos;s search answer is not a STAC item collection (no &apos;features&apos;).</source>
        <translation>La réponse de recherche du catalogue n'est pas une collection d'items STAC (pas de « features »).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="350"/>
        <source>The search stopped at {} items; narrow the period or the area, or raise the maximum, to see more.</source>
        <translation>La recherche s'est arrêtée à {} items ; réduisez la période ou la zone, ou augmentez le maximum, pour en voir davantage.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="350"/>
        <source>The search stopped at {} of {} matching items; narrow the period or the area, or raise the maximum, to see more.</source>
        <translation>La recherche s'est arrêtée à {} des {} items correspondants ; réduisez la période ou la zone, ou augmentez le maximum, pour en voir davantage.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="391"/>
        <source>{} items over {:g} % cloud cover were left out.</source>
        <translation>{} items au-delà de {:g} % de couverture nuageuse ont été écartés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="395"/>
        <source>{} items give no cloud cover ({}): they were kept.</source>
        <translation>{} items n'indiquent pas de couverture nuageuse ({}) : ils ont été conservés.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="401"/>
        <source>{} is not a STAC API: its landing page is not the JSON of a STAC catalogue (check the address; it is usually the one ending in /v1 or /api/stac/v1).</source>
        <translation>{} n'est pas une API STAC : sa page d'accueil n'est pas le JSON d'un catalogue STAC (vérifiez l'adresse ; c'est en général celle qui se termine par /v1 ou /api/stac/v1).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="407"/>
        <source>Cloud cover filtered by the catalogue (CQL2 filter).</source>
        <translation>Couverture nuageuse filtrée par le catalogue (filtre CQL2).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="409"/>
        <source>Cloud cover filtered by the catalogue (query extension).</source>
        <translation>Couverture nuageuse filtrée par le catalogue (extension query).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/client.py" line="410"/>
        <source>The catalogue supports neither the filter nor the query extension: cloud cover filtered here.</source>
        <translation>Le catalogue ne prend en charge ni l'extension filter ni l'extension query : couverture nuageuse filtrée ici.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="49"/>
        <source>The catalogue address must start with http:// or https://.</source>
        <translation>L'adresse du catalogue doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="52"/>
        <source>Choose at least one asset (e.g. red, green, blue).</source>
        <translation>Choisissez au moins une ressource (p. ex. red, green, blue).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="54"/>
        <source>There is no item to download.</source>
        <translation>Il n'y a aucun item à télécharger.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="56"/>
        <source>The job has no area of interest.</source>
        <translation>La tâche n'a pas de zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="58"/>
        <source>Unknown signing of asset links: {mode}</source>
        <translation>Signature des liens de ressources inconnue : {mode}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="119"/>
        <source>{n} item(s) on {d} date(s) to read.</source>
        <translation>{n} item(s) sur {d} date(s) à lire.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="139"/>
        <source>{id}: no asset {key}.</source>
        <translation>{id} : pas de ressource {key}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="151"/>
        <source>{day}: reading {n} item(s) within the area.</source>
        <translation>{day} : lecture de {n} item(s) dans la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="174"/>
        <source>{day}: writing the mosaic.</source>
        <translation>{day} : écriture de la mosaïque.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="189"/>
        <source>No item could be read: {items}</source>
        <translation>Aucun item n'a pu être lu : {items}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="191"/>
        <source>None of the {n} item(s) covers the area of interest with the assets {assets}.</source>
        <translation>Aucun des {n} item(s) ne couvre la zone d'intérêt avec les ressources {assets}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="200"/>
        <source>{n} date(s) written.</source>
        <translation>{n} date(s) écrite(s).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="203"/>
        <source>Already written, not read again: {days}.</source>
        <translation>Déjà écrit, pas relu : {days}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="206"/>
        <source>No item covers the area on: {days}.</source>
        <translation>Aucun item ne couvre la zone le : {days}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/runner.py" line="208"/>
        <source>Not read (run the job again to retry them): {items}.</source>
        <translation>Non lus (relancez la tâche pour les réessayer) : {items}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/signing.py" line="69"/>
        <source>Planetary Computer gave no access token for the collection &apos;{}&apos;: {}</source>
        <translation>Planetary Computer n'a pas donné de jeton d'accès pour la collection « {} » : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/signing.py" line="77"/>
        <source>Planetary Computer&apos;s token endpoint answered without a token and its expiry for the collection &apos;{}&apos;.</source>
        <translation>Le service de jetons de Planetary Computer a répondu sans jeton ni expiration pour la collection « {} ».</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/signing.py" line="113"/>
        <source>Unknown signing &apos;{}&apos; for the catalogue {}; use one of: {}.</source>
        <translation>Signature « {} » inconnue pour le catalogue {} ; utilisez l'une de : {}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/stack.py" line="29"/>
        <source>The item {id} has no date.</source>
        <translation>L'item {id} n'a pas de date.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/stack.py" line="33"/>
        <source>The item {id} has a date that cannot be read: {date}</source>
        <translation>L'item {id} a une date illisible : {date}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/auth.py" line="67"/>
        <source>The S3 authentication configuration needs an access key id (user name) and a secret key (password).</source>
        <translation>La configuration d'authentification S3 doit contenir un identifiant de clé d'accès (nom d'utilisateur) et une clé secrète (mot de passe).</translation>
    </message>
</context>
<context>
    <name>StacS3</name>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="79"/>
        <source>The S3 credentials were refused for the asset {key} ({href}): check the access key id and the secret key.</source>
        <translation>Les identifiants S3 ont été refusés pour la ressource {key} ({href}) : vérifiez l'identifiant de clé d'accès et la clé secrète.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="83"/>
        <source>S3 refused to give the asset {key} ({href}) to these credentials.</source>
        <translation>S3 a refusé de donner la ressource {key} ({href}) à ces identifiants.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="86"/>
        <source>The asset {key} ({href}) is in a requester-pays bucket: reading it needs S3 credentials (the reads are billed to them).</source>
        <translation>La ressource {key} ({href}) est dans un compartiment à paiement par le demandeur : la lire demande des identifiants S3 (les lectures leur sont facturées).</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="89"/>
        <source>The asset {key} ({href}) is in a private S3 bucket: choose S3 credentials (plugin settings, STAC catalogues; or S3_AUTHCFG in Processing), a Basic configuration: user name = access key id, password = secret key.</source>
        <translation>La ressource {key} ({href}) est dans un compartiment S3 privé : choisissez des identifiants S3 (paramètres de l'extension, catalogues STAC ; ou S3_AUTHCFG dans Traitements), une configuration Basic : nom d'utilisateur = identifiant de clé d'accès, mot de passe = clé secrète.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="94"/>
        <source>The bucket of the asset {key} does not exist: {href}</source>
        <translation>Le compartiment de la ressource {key} n'existe pas : {href}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="97"/>
        <source>The asset {key} is not in its bucket: {href}</source>
        <translation>La ressource {key} n'est pas dans son compartiment : {href}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/s3.py" line="118"/>
        <source>The copy of {dest} stopped after {done} of {size} bytes: {error}</source>
        <translation>La copie de {dest} s'est arrêtée après {done} octets sur {size} : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="544"/>
        <source>{key}: copying {href} ({size} bytes) to read it in full.</source>
        <translation>{key} : copie de {href} ({size} octets) pour la lire en entier.</translation>
    </message>
</context>
<context>
    <name>StacTab</name>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="132"/>
        <source>Search the collection&apos;s items over the area.</source>
        <translation>Chercher les items de la collection sur la zone.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="135"/>
        <source>Search items first.</source>
        <translation>Cherchez d'abord des items.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="137"/>
        <source>Check at least one asset.</source>
        <translation>Cochez au moins un asset.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="139"/>
        <source>Read the area&apos;s window of the chosen assets as a background job.</source>
        <translation>Lire la fenêtre de la zone dans les assets choisis, en tâche de fond.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="149"/>
        <source>STAC collections</source>
        <translation>Collections STAC</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="151"/>
        <source>Loading collections…</source>
        <translation>Chargement des collections…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="167"/>
        <source>{} collections.</source>
        <translation>{} collections.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="180"/>
        <source>STAC item search</source>
        <translation>Recherche d'items STAC</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="188"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="214"/>
        <source>{} items found.</source>
        <translation>{} items trouvés.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="253"/>
        <source>No thumbnail.</source>
        <translation>Pas de vignette.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="258"/>
        <source>STAC thumbnail</source>
        <translation>Vignette STAC</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="272"/>
        <source>The thumbnail is not an image.</source>
        <translation>La vignette n'est pas une image.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="289"/>
        <source>Search items and check at least one asset first.</source>
        <translation>Cherchez d'abord des items et cochez au moins un asset.</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="296"/>
        <source>STAC {} ({} items)</source>
        <translation>STAC {} ({} items)</translation>
    </message>
    <message>
        <location filename="../plugin/gui/stac_tab.py" line="301"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation>Tâche « {} » soumise ; suivez-la dans le panneau Tâches.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="6"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="7"/>
        <source>A known STAC API, or the root URL of any other (e.g. https://example.org/stac/v1).</source>
        <translation>Une API STAC connue, ou l'URL racine de n'importe quelle autre (p. ex. https://example.org/stac/v1).</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="8"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="10"/>
        <source>Load collections</source>
        <translation>Charger les collections</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="11"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="13"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="20"/>
        <source>Max. cloud (%)</source>
        <translation>Nuages max. (%)</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="21"/>
        <source>100: no limit.</source>
        <translation>100 : pas de limite.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="22"/>
        <source>Max. items</source>
        <translation>Items max.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="24"/>
        <source>Search items</source>
        <translation>Chercher des items</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="30"/>
        <source>The items to download: the selected ones, or all when none is selected.</source>
        <translation>Les items à télécharger : ceux sélectionnés, ou tous si aucun ne l'est.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="32"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="33"/>
        <source>Cloud %</source>
        <translation>Nuages %</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="34"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="38"/>
        <source>Thumbnail</source>
        <translation>Vignette</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="40"/>
        <source>Assets</source>
        <translation>Assets</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="41"/>
        <source>The assets to read, in band order.</source>
        <translation>Les assets à lire, dans l'ordre des bandes.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="42"/>
        <source>Stack as VRT</source>
        <translation>Empiler en VRT</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="42"/>
        <source>Also write a multi-band VRT time stack of the dates.</source>
        <translation>Écrire aussi une pile temporelle VRT multibande des dates.</translation>
    </message>
    <message>
        <location filename="../ui/stac_tab.ui" line="43"/>
        <source>Download the AOI from the items</source>
        <translation>Télécharger la zone depuis les items</translation>
    </message>
</context>
<context>
    <name>StacWindow</name>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="276"/>
        <source>The raster has no georeferencing.</source>
        <translation>Le raster n'a pas de géoréférencement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="334"/>
        <source>GDAL could not read the window: {error}</source>
        <translation>GDAL n'a pas pu lire la fenêtre : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="467"/>
        <source>{key}: the file is not tiled; it is downloaded in full, then cut.</source>
        <translation>{key} : le fichier n'est pas tuilé ; il est téléchargé en entier, puis découpé.</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="569"/>
        <source>The asset {key} could not be opened: {error}</source>
        <translation>La ressource {key} n'a pas pu être ouverte : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/stac/window.py" line="586"/>
        <source>The archive of asset {key} holds {n} rasters; none is named after the asset.</source>
        <translation>L'archive de la ressource {key} contient {n} rasters ; aucun ne porte le nom de la ressource.</translation>
    </message>
</context>
<context>
    <name>TaskButton</name>
    <message>
        <location filename="../plugin/gui/task_button.py" line="52"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../plugin/gui/task_button.py" line="53"/>
        <source>Stop: {}</source>
        <translation>Arrêter : {}</translation>
    </message>
    <message>
        <location filename="../plugin/gui/task_button.py" line="78"/>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../plugin/adapters/tasks.py" line="283"/>
        <source>{task}: no complete answer within {seconds:.0f} s, stopped. The service may be slow or unreachable; try again later.</source>
        <translation>{task} : pas de réponse complète en {seconds:.0f} s, arrêté. Le service est peut-être lent ou injoignable ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/tasks.py" line="287"/>
        <source>{task}: stopped.</source>
        <translation>{task} : arrêté.</translation>
    </message>
    <message>
        <location filename="../plugin/adapters/tasks.py" line="87"/>
        <source>{} (cancelled)</source>
        <translation>{} (annulée)</translation>
    </message>
</context>
<context>
    <name>Titles</name>
    <message>
        <location filename="../plugin/core/titles.py" line="20"/>
        <source>Earth Engine export</source>
        <translation>Export Earth Engine</translation>
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
        <translation>{} est déjà en cours de téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="798"/>
        <source>Not enough free disk space in {folder}: the download needs {need} but only {free} are available.</source>
        <translation>Pas assez d'espace disque libre dans {folder} : le téléchargement nécessite {need} mais seuls {free} sont disponibles.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="798"/>
        <source>Free some space or choose another output folder.</source>
        <translation>Libérez de l'espace ou choisissez un autre dossier de sortie.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="363"/>
        <source>The server sent an HTML page instead of the file: {}</source>
        <translation>Le serveur a envoyé une page HTML au lieu du fichier : {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="365"/>
        <source>The server sent an HTML page instead of the file.</source>
        <translation>Le serveur a envoyé une page HTML au lieu du fichier.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="367"/>
        <source>The link may have expired or need a sign-in.</source>
        <translation>Le lien a peut-être expiré ou nécessite une connexion.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="396"/>
        <source>{url} answered HTTP {status} {reason} instead of the file.</source>
        <translation>{url} a répondu HTTP {status} {reason} au lieu du fichier.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="406"/>
        <source>{url} sent {ctype}, which is not the expected kind of file.</source>
        <translation>{url} a envoyé {ctype}, qui n'est pas le type de fichier attendu.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="509"/>
        <source>{url} announces {size} bytes but {expected} bytes were expected.</source>
        <translation>{url} annonce {size} octets alors que {expected} octets étaient attendus.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="511"/>
        <source>The download of {url} has {size} bytes but {expected} bytes were expected.</source>
        <translation>Le téléchargement de {url} fait {size} octets alors que {expected} octets étaient attendus.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="522"/>
        <source>{url} sent more data than it announced ({total} bytes).</source>
        <translation>{url} a envoyé plus de données qu'annoncé ({total} octets).</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/http.py" line="1275"/>
        <source>the connection closed after {} of {} bytes</source>
        <translation>la connexion s'est fermée après {} octets sur {}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="633"/>
        <source>The download of {url} is incomplete ({done} of {total} bytes).</source>
        <translation>Le téléchargement de {url} est incomplet ({done} octets sur {total}).</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="650"/>
        <source>The download of {url} is corrupt: its {algo} checksum is {actual}, the server announced {expected}.</source>
        <translation>Le téléchargement de {url} est corrompu : sa somme de contrôle {algo} est {actual}, le serveur a annoncé {expected}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="650"/>
        <source>Try again; if it repeats, the server sends a broken file.</source>
        <translation>Réessayez ; si cela se répète, c'est le serveur qui envoie un fichier défectueux.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="680"/>
        <source>{} is a folder; cannot save the download there.</source>
        <translation>{} est un dossier ; impossible d'y enregistrer le téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="740"/>
        <source>{url} keeps changing during the download.</source>
        <translation>{url} change sans cesse pendant le téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="751"/>
        <source>The download of {url} failed: {error} (gave up after {n} attempts).</source>
        <translation>Le téléchargement de {url} a échoué : {error} (abandon après {n} tentatives).</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="754"/>
        <source>Try again later; the download will resume where it stopped.</source>
        <translation>Réessayez plus tard ; le téléchargement reprendra là où il s'est arrêté.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="873"/>
        <source>A destination file or folder is needed for a download.</source>
        <translation>Un fichier ou dossier de destination est nécessaire pour un téléchargement.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="944"/>
        <source>Could not save the download of {url}: {error}</source>
        <translation>Impossible d'enregistrer le téléchargement de {url} : {error}</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="627"/>
        <source>{url} sent an empty file.</source>
        <translation>{url} a envoyé un fichier vide.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="627"/>
        <source>The product may not be ready yet, or the request selects no data.</source>
        <translation>Le produit n'est peut-être pas encore prêt, ou la requête ne sélectionne aucune donnée.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="527"/>
        <source>{url} sent more than {size} without announcing its size; the limit is {limit}.</source>
        <translation>{url} a envoyé plus de {size} sans annoncer sa taille ; la limite est de {limit}.</translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer/download.py" line="527"/>
        <source>The server sends far more than such a file holds; check the address or try again later.</source>
        <translation>Le serveur envoie bien plus que ce que contient un tel fichier ; vérifiez l'adresse ou réessayez plus tard.</translation>
    </message>
</context>
</TS>
