<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Aoi</name>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="17"/>
        <source>The layer or map has no valid coordinate reference system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="116"/>
        <source>The extent is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="164"/>
        <source>The area of interest must be a polygon, not a {} geometry: use a polygon layer or draw a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="63"/>
        <source>Choose a vector layer with polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="65"/>
        <source>The layer &apos;{}&apos; holds {} geometries; the area of interest must be polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="69"/>
        <source>No feature is selected in &apos;{}&apos;: select one or more polygons, or use the map extent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="78"/>
        <source>The area of interest layer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="81"/>
        <source>The area of interest must be a polygon layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/aoi_source.py" line="85"/>
        <source>The area of interest layer has no features (or none selected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="131"/>
        <source>The geometry could not be read: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="146"/>
        <source>The GeoJSON could not be read: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="156"/>
        <source>No feature is selected: select one or more polygons, or use the map extent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="170"/>
        <source>The geometry collection holds no polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="173"/>
        <source>The selected geometry is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="177"/>
        <source>The geometry was invalid ({}) and has been repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="182"/>
        <source>The area of interest has no area (its points are on one line or repaired to nothing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="194"/>
        <source>The area crosses the antimeridian (180°) and was split into {} parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="199"/>
        <source>The area of interest lies outside the valid range of longitude/latitude: check the layer&apos;s CRS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="204"/>
        <source>The area of interest has no area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="207"/>
        <source>The area of interest covers {:,.0f} km², more than the maximum of {:,.0f} km²: choose a smaller area or raise the limit in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="270"/>
        <source>The area of interest had {} vertices, more than the {} accepted; it was simplified with a tolerance of about {:.1f} m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="294"/>
        <source>The coordinate reference system &apos;{}&apos; is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/aoi.py" line="300"/>
        <source>The area of interest cannot be expressed in longitude/latitude from {}: check the layer&apos;s CRS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <location filename="../plugin/core/archive.py" line="53"/>
        <source>The archive {name} is corrupt or truncated: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="53"/>
        <source>Download it again; if this repeats, the server sends a broken file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="63"/>
        <source>The archive {} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="93"/>
        <source>Refusing to extract {name}: member u201c{member}u201d {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="93"/>
        <source>The archive may be malicious; nothing was extracted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="111"/>
        <source>has an invalid name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="106"/>
        <source>has an absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="109"/>
        <source>points outside the destination (..)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="115"/>
        <source>is a symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="117"/>
        <source>is a special file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="127"/>
        <source>exceeds the limit of {} members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="137"/>
        <source>appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="142"/>
        <source>makes the total size exceed {:.1f} GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="147"/>
        <source>has a compression ratio of {:.0f}:1 (a zip bomb?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="155"/>
        <source>is inside a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="192"/>
        <source>Not enough disk space to extract {name}: {need} needed, {free} free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="219"/>
        <source>is larger than its header says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="235"/>
        <source>Could not write {}: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="239"/>
        <source>{} is shorter than its header says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/archive.py" line="257"/>
        <source>{} exists and is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BaseAlgorithm</name>
    <message>
        <location filename="../plugin/processing/base.py" line="49"/>
        <source>Area of interest (polygon layer; &apos;selected features only&apos; honoured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="52"/>
        <source>Area of interest as an extent (instead of a layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="56"/>
        <source>Authentication configuration (empty: the plugin settings, or the environment in headless runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="64"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="63"/>
        <source>Downloaded files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="71"/>
        <source>Give either AOI or EXTENT, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="83"/>
        <source>Give an area of interest: a polygon layer (AOI) or an extent (EXTENT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="94"/>
        <source>The output folder &apos;{}&apos; cannot be created: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/base.py" line="96"/>
        <source>The output folder &apos;{}&apos; is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="36"/>
        <source>The authentication configuration &apos;{}&apos; was not found in QGIS&apos;s authentication database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="36"/>
        <source>Pick or create one in the plugin settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="49"/>
        <source>The authentication configuration &apos;{}&apos; holds no EOSDA API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="55"/>
        <source>No EOSDA API key is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="55"/>
        <source>Store your key in an authentication configuration in the plugin settings, or set EO_DOWNLOADER_EOSDA_API_KEY for headless runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="72"/>
        <source>QGIS could not obtain an OAuth2 token from the authentication configuration &apos;{}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="72"/>
        <source>Open Settings &gt; Options &gt; Authentication and check the configuration, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="103"/>
        <source>The authentication configuration &apos;{}&apos; ({}) holds no Earth Engine credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="114"/>
        <source>No Earth Engine credentials are set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/credentials.py" line="114"/>
        <source>Choose an authentication configuration (OAuth2, or the JSON of &apos;earthengine authenticate&apos; / a service-account key) in the plugin settings, or set EO_DOWNLOADER_EE_TOKEN for headless runs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadDock</name>
    <message>
        <location filename="../ui/download_dock.ui" line="5"/>
        <source>EO Downloader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="57"/>
        <source>Image&apos;s own CRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="68"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="68"/>
        <source>Cloud %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="59"/>
        <source>View id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="128"/>
        <source>No polygon drawn yet: click 'Draw on the map…', click the vertices and right-click to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="158"/>
        <source>{:,.2f} km², {} part(s), {} vertices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="170"/>
        <source>Enter an image id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="183"/>
        <source>Enter at least one band.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="174"/>
        <source>Send the request as a background job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="179"/>
        <source>Search scenes over the area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="181"/>
        <source>Search and choose a scene, or enter a view id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="185"/>
        <source>Create the download task as a background job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="197"/>
        <source>About {} × {} px at {} m, {:,.1f} MiB (16-bit bands + mask byte), {} tile(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="244"/>
        <source>Job &apos;{}&apos; submitted; follow it in the Jobs panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="264"/>
        <source>EOSDA scene search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="268"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dock.py" line="288"/>
        <source>{} scenes found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="9"/>
        <source>Area of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="11"/>
        <source>Map extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="12"/>
        <source>Selected features of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="14"/>
        <source>Drawn polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="15"/>
        <source>Draw on the map…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="15"/>
        <source>Click the vertices of a polygon on the map; right-click to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="16"/>
        <source>No area of interest yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="24"/>
        <source>Earth Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="26"/>
        <source>Image id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="27"/>
        <source>COPERNICUS/S2_SR_HARMONIZED/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="61"/>
        <source>Bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="29"/>
        <source>B4,B3,B2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="29"/>
        <source>Comma-separated band names; true colour by default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="30"/>
        <source>Scale (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="31"/>
        <source>native</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="32"/>
        <source>CRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="34"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="36"/>
        <source>One file per band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="37"/>
        <source>Cloud project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="40"/>
        <source>Download from Earth Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="44"/>
        <source>EOSDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="46"/>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="48"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="52"/>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="55"/>
        <source>Max. cloud (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="57"/>
        <source>Search scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="60"/>
        <source>S2/13/R/EL/2023/7/19/0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="62"/>
        <source>B04,B03,B02</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="63"/>
        <source>Merge bands of the same resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="64"/>
        <source>Download from EOSDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="71"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="77"/>
        <source>Jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/download_dock.ui" line="78"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EeAuth</name>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="46"/>
        <source>Sign in to Earth Engine again: run &quot;earthengine authenticate&quot; (or ee.Authenticate() in Python), or update the Earth Engine credentials in the plugin settings (a service-account key or an access token), then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="76"/>
        <source>The Earth Engine access token is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="94"/>
        <source>The Earth Engine credentials hold no refresh token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="142"/>
        <source>Google refused the Earth Engine refresh token: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="148"/>
        <source>The token endpoint {} did not answer with JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="152"/>
        <source>The token endpoint answered without an access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="176"/>
        <source>No Earth Engine credentials file at {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="179"/>
        <source>The Earth Engine credentials file {} cannot be read: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="182"/>
        <source>The Earth Engine credentials file {} holds no refresh token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="187"/>
        <source>The Earth Engine credentials file {} names no OAuth client (client_id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="187"/>
        <source>Run &quot;earthengine authenticate&quot; again with a current earthengine-api, or use a service-account key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="207"/>
        <source>Service-account keys need the Python package google-auth, which is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="207"/>
        <source>Install google-auth into QGIS&apos;s Python (pip install google-auth), or sign in with &quot;earthengine authenticate&quot; instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="221"/>
        <source>The service-account key is not valid JSON: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="224"/>
        <source>This is not a service-account key (JSON with &quot;type&quot;: &quot;service_account&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="249"/>
        <source>The service-account key was refused: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/auth.py" line="278"/>
        <source>No Earth Engine credentials are configured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EeClient</name>
    <message>
        <location filename="../plugin/core/ee/client.py" line="68"/>
        <source>Earth Engine: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="70"/>
        <source>Earth Engine refused the credentials (HTTP 401): {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="74"/>
        <source>Register the Cloud project {p} for Earth Engine at https://code.earthengine.google.com/register?project={p} (and enable the Earth Engine API in it), or choose a registered project in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="79"/>
        <source>Your account needs the role &quot;Service Usage Consumer&quot; (roles/serviceusage.serviceUsageConsumer) on project {p}, or choose a project you own in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="83"/>
        <source>Check that the project id {p} is right, that your account may use it with Earth Engine, and that the image is readable by you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="88"/>
        <source>Make the area smaller or the scale coarser, choose fewer bands, or leave tiling on so the download is split into requests Earth Engine accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="94"/>
        <source>Check the image id (an Earth Engine asset id such as COPERNICUS/S2_SR/...), and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="99"/>
        <source>Earth Engine refused the download options; change what the message names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="103"/>
        <source>Earth Engine&apos;s request quota is exhausted for now; wait a few minutes, or download fewer tiles at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="107"/>
        <source>Earth Engine has a problem; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="170"/>
        <source>Earth Engine sent an answer that is not JSON ({}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="173"/>
        <source>Earth Engine sent an unexpected answer ({}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/client.py" line="196"/>
        <source>Earth Engine did not return a download id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EeDownload</name>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="76"/>
        <source>The area of interest is not valid GeoJSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="80"/>
        <source>The area of interest must be a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="104"/>
        <source>Band options are given for {}, which is not in the band list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="104"/>
        <source>Add the band to the band list, or remove its options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="249"/>
        <source>Downloaded {} of {} piece(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="280"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="373"/>
        <source>The Earth Engine zip {} holds no GeoTIFF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="379"/>
        <source>The Earth Engine zip {} has no file for band {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="418"/>
        <source>Building the output files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="440"/>
        <source>Wrote {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="458"/>
        <source>Reading the image&apos;s metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="460"/>
        <source>Requesting {} download id(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/ee_download.py" line="501"/>
        <source>No output folder is set for this download.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EeDownloadAlgorithm</name>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="29"/>
        <source>Earth Engine download (cropped to an area)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="32"/>
        <source>Downloads an Earth Engine image cropped to an area of interest, the way ee.data.getDownloadId does, and loads the result as layers. Areas too large for one request are split into tiles automatically and mosaicked into one Cloud-Optimized GeoTIFF masked to the area.

AOI / EXTENT: the area, a polygon layer (selected features only if ticked) or an extent; give one.
IMAGE: the asset id, e.g. COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.
BANDS: comma-separated band names, e.g. B4,B3,B2.
BAND_OPTIONS: optional JSON list of per-band options, e.g. [{&quot;id&quot;: &quot;B3&quot;, &quot;scale&quot;: 10}, {&quot;id&quot;: &quot;B11&quot;, &quot;scale&quot;: 20}] (keys id, crs, crs_transform, dimensions, scale).
SCALE: pixel size in metres (empty: the band&apos;s native scale).
CRS: output CRS (empty: the image&apos;s). CRS_TRANSFORM: six numbers xScale, xShearing, xTranslation, yShearing, yScale, yTranslation; with CRS it fixes the grid and the area is then ignored, as Earth Engine documents.
DIMENSIONS: WIDTHxHEIGHT in pixels, or one number for the longest side.
FORMAT: ZIPPED_GEO_TIFF_PER_BAND (one file per band), ZIPPED_GEO_TIFF (one multi-band file), GEO_TIFF, or NPY (NumPy array, also written as a GeoTIFF).
FILE_PER_BAND: one file per band (for the zipped formats the format decides).
NAME: base name of the files. PROJECT: your Google Cloud project registered for Earth Engine.
AUTHCFG: QGIS authentication configuration with your Earth Engine credentials.
OUTPUT_DIR: where the files are written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="55"/>
        <source>Image asset id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="56"/>
        <source>Bands (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="58"/>
        <source>Per-band options (JSON list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="60"/>
        <source>Scale (metres per pixel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="62"/>
        <source>Output CRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="63"/>
        <source>CRS transform (6 numbers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="65"/>
        <source>Dimensions (WIDTHxHEIGHT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="67"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="69"/>
        <source>One file per band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="71"/>
        <source>File base name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/ee_download.py" line="72"/>
        <source>Google Cloud project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EeParams</name>
    <message>
        <location filename="../plugin/core/ee/params.py" line="75"/>
        <source>Unknown download format &quot;{}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="75"/>
        <source>Use one of: {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="85"/>
        <source>The scale must be a positive number of metres per pixel; got {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="85"/>
        <source>Enter e.g. 10 for Sentinel-2&apos;s finest bands, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="116"/>
        <source>Dimensions must be WIDTHxHEIGHT in whole pixels (e.g. 512x512), or one number for the longest side; got {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="141"/>
        <source>The pixel transform (crs_transform) must be 6 numbers; got {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="141"/>
        <source>Give [xScale, xShearing, xTranslation, yShearing, yScale, yTranslation], e.g. 10,0,500000,0,-10,4200000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="146"/>
        <source>The pixel transform (crs_transform) {} has a zero pixel size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="146"/>
        <source>xScale and yScale (1st and 5th numbers) must not be 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="161"/>
        <source>Unknown CRS &quot;{}&quot;: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="161"/>
        <source>Use an authority code such as EPSG:4326 or EPSG:32631, or a WKT string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="168"/>
        <source>The options of band &quot;{}&quot; must be a JSON object; got {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="255"/>
        <source>Example: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="176"/>
        <source>Unknown option &quot;{}&quot; for band &quot;{}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="176"/>
        <source>Band options can be: {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="198"/>
        <source>The band list must be band names separated by commas; got {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="208"/>
        <source>Each band in the band list needs an &quot;id&quot; (its name); got {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="208"/>
        <source>Example: [{&quot;id&quot;: &quot;B4&quot;, &quot;scale&quot;: 10}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="213"/>
        <source>A band must be a name or an object with an id; got {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="216"/>
        <source>A band name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="218"/>
        <source>Band &quot;{}&quot; is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="242"/>
        <source>The band options are not valid JSON (line {}, column {}): {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="249"/>
        <source>A band name in the band options is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="255"/>
        <source>The band options must be a JSON object keyed by band name; got {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="264"/>
        <source>An Earth Engine Cloud project is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="264"/>
        <source>Enter the id of a Google Cloud project registered for Earth Engine (https://code.earthengine.google.com/register).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="270"/>
        <source>The project id &quot;{}&quot; is not a valid Google Cloud project id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="270"/>
        <source>Project ids are 6 to 30 lowercase letters, digits or hyphens, starting with a letter (or a project number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="279"/>
        <source>Choose an image by its Earth Engine asset id; got &quot;{}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="279"/>
        <source>For example COPERNICUS/S2_SR/20210109T185751_20210109T185931_T10SEG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="289"/>
        <source>The name &quot;{}&quot; cannot be used as a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="289"/>
        <source>Avoid / \ : * ? &quot; &lt; &gt; |.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="313"/>
        <source>The area (region) is not valid GeoJSON: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="315"/>
        <source>The area (region) must be a GeoJSON geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="319"/>
        <source>A pixel transform (crs_transform) needs a CRS (crs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="319"/>
        <source>Enter the CRS the transform is expressed in, e.g. EPSG:32631.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="323"/>
        <source>An area, a scale or pixel transform, and dimensions cannot be used together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="323"/>
        <source>With an area give either a scale or dimensions; for an exact pixel grid give crs, crs_transform and dimensions without an area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="329"/>
        <source>Band &quot;{}&quot; has a pixel transform (crs_transform) but no CRS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/params.py" line="329"/>
        <source>Give the band a crs, or a default CRS for all bands.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EeTiling</name>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="101"/>
        <source>The image {} has no band &quot;{}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="101"/>
        <source>Its bands are: {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="209"/>
        <source>The area must be a polygon; got {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="227"/>
        <source>The area is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="238"/>
        <source>The area cannot be expressed in {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="305"/>
        <source>Without an area the image&apos;s extent must be known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="290"/>
        <source>Draw or choose an area, or give dimensions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="293"/>
        <source>Sheared pixel transforms are not supported with an area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="293"/>
        <source>Use a transform with 0 shear (2nd and 4th numbers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="299"/>
        <source>The image&apos;s projection is unknown; give a CRS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="305"/>
        <source>Draw or choose an area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="330"/>
        <source>The image&apos;s pixel size is unknown; give a scale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/ee/tiling.py" line="392"/>
        <source>{w} x {h} px, {n} band(s), {mb:.1f} MB as Earth Engine counts it, {t} request(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EoDownloaderPlugin</name>
    <message>
        <location filename="../plugin/main.py" line="55"/>
        <source>EO Downloader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="42"/>
        <source>Download imagery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="43"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="55"/>
        <source>Resumed {} unfinished job(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/main.py" line="44"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EoDownloaderProvider</name>
    <message>
        <location filename="../plugin/processing/provider.py" line="14"/>
        <source>EO Downloader</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Eosda</name>
    <message>
        <location filename="../plugin/core/eosda.py" line="144"/>
        <source>The view id is empty: pick a scene from the search results (for example S2/13/R/EL/2023/7/19/0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="148"/>
        <source>The view id &apos;{}&apos; does not start with a supported sensor ({}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="148"/>
        <source>Use a view id returned by the EOSDA search, for example S2/13/R/EL/2023/7/19/0 or L8/LC80110312016028LGN00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="160"/>
        <source>The view id &apos;{}&apos; is not a valid {} view id: expected {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="251"/>
        <source>No band is selected: give at least one band (for example B04,B03,B02).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="223"/>
        <source>Unknown band(s) for {}: {}. Available bands: {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="296"/>
        <source>The reference &apos;{}&apos; may only hold letters, digits and _ . : - (at most 128 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="302"/>
        <source>The callback URL must be an http(s) URL, not &apos;{}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="311"/>
        <source>EOSDA accepts one Polygon per request; a {} was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="491"/>
        <source>the task is marked &apos;{}&apos; but its answer holds no result file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="562"/>
        <source>EOSDA refused the API key: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="562"/>
        <source>Check the EOSDA API key in the plugin settings (QGIS authentication manager) or in EO_DOWNLOADER_EOSDA_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="581"/>
        <source>EOSDA rejected the download request (HTTP {}): {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="586"/>
        <source>EOSDA answered the download request with something other than JSON (HTTP {}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="593"/>
        <source>EOSDA did not create the task: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="615"/>
        <source>The EOSDA task {} no longer exists on the server (HTTP 404): {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="615"/>
        <source>Tasks expire after their task_timeout; start the download again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="621"/>
        <source>EOSDA could not report on task {} (HTTP {}): {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="632"/>
        <source>EOSDA answered task {} with unexpected content ({}): {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="669"/>
        <source>The EOSDA task {} failed: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="678"/>
        <source>The EOSDA task {} did not finish within {:.0f} s (status &apos;{}&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="678"/>
        <source>The server may be busy: try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="732"/>
        <source>The search limit must be a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="763"/>
        <source>The EOSDA search failed (HTTP {}): {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="768"/>
        <source>The EOSDA search answered with something other than JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="774"/>
        <source>The EOSDA search answer has no result list: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="793"/>
        <source>No EOSDA API key is set: enter it in the plugin settings (stored in the QGIS authentication manager) or set EO_DOWNLOADER_EOSDA_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="863"/>
        <source>Unknown EOSDA dataset &apos;{}&apos;; use one of: {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="877"/>
        <source>The {} date &apos;{}&apos; is not a date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="882"/>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="883"/>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="885"/>
        <source>The dates are reversed: the start {} is after the end {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="894"/>
        <source>The cloud cover limit must be a number from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="897"/>
        <source>The cloud cover limit must be from 0 to 100, not {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="906"/>
        <source>The search area must be a GeoJSON polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/eosda.py" line="911"/>
        <source>The search area must be a GeoJSON Polygon, not {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="69"/>
        <source>The job has no area of interest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="128"/>
        <source>Creating EOSDA task {} of {}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="138"/>
        <source>{} EOSDA task(s) submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="142"/>
        <source>Waiting for EOSDA...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="156"/>
        <source>EOSDA task {} of {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="157"/>
        <source>EOSDA task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="158"/>
        <source>{}: waiting for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="162"/>
        <source>{}: {} ({:.0f} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="167"/>
        <source>{}: downloading the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="173"/>
        <source>{}: downloading ({:.1f} MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/providers/eosda.py" line="180"/>
        <source>{}: done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EosdaDownloadAlgorithm</name>
    <message>
        <location filename="../plugin/processing/eosda.py" line="111"/>
        <source>EOSDA download (load by extent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="114"/>
        <source>Creates EOSDA Download API &apos;lbe&apos; (load by extent) tasks for the area of interest, waits for them and loads the results (JP2 for one Sentinel-2 band, GeoTIFF for one band or merged bands of one resolution, otherwise a zip that is extracted). Several polygons become one task each.

AOI / EXTENT: the area (give one). VIEW_ID: the scene, as the search returns it, e.g. S2/13/R/EL/2023/7/19/0.
BANDS: comma-separated, e.g. B04,B03,B02.
MERGE: merge bands of the same resolution into one file (default yes).
METADATA: optional comma-separated metadata files to include.
REFERENCE: your unique id for the request (empty: generated).
CALLBACK_URL: optional URL the server calls when the task is done.
AUTHCFG: QGIS authentication configuration holding the EOSDA API key.
OUTPUT_DIR: where the files are written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="129"/>
        <source>View id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="130"/>
        <source>Bands (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="132"/>
        <source>Merge bands of the same resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="134"/>
        <source>Metadata files (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="136"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="137"/>
        <source>Callback URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EosdaSearchAlgorithm</name>
    <message>
        <location filename="../plugin/processing/eosda.py" line="30"/>
        <source>EOSDA scene search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="33"/>
        <source>Searches EOSDA&apos;s catalogue (Search API) for scenes over an area of interest and writes their footprints with date, cloud cover and view id, to choose a VIEW_ID for &apos;EOSDA download&apos;.

AOI / EXTENT: the area (give one). DATASET: the collection (e.g. sentinel2, landsat8).
DATE_FROM / DATE_TO: YYYY-MM-DD; at most a year apart is recommended.
CLOUD_MAX: highest cloud cover in percent. LIMIT: most scenes returned.
AUTHCFG: QGIS authentication configuration holding the EOSDA API key.
OUTPUT: the footprint layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="44"/>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="46"/>
        <source>From date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="47"/>
        <source>To date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="48"/>
        <source>Maximum cloud cover (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="51"/>
        <source>Maximum number of scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="55"/>
        <source>Authentication configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="57"/>
        <source>Scene footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/eosda.py" line="95"/>
        <source>{} scenes found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Http</name>
    <message>
        <location filename="../plugin/core/http.py" line="672"/>
        <source>the server sent an HTML page: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="704"/>
        <source>Check your credentials (API key or sign-in); they were refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="706"/>
        <source>The account is not allowed to do this, or a quota is exhausted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="708"/>
        <source>The item does not exist (any more), or the address is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="710"/>
        <source>The service is limiting the request rate; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="712"/>
        <source>The service has a problem; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="721"/>
        <source>{method} {url} failed with HTTP {status} {reason}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="721"/>
        <source>(no message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="750"/>
        <source>(gave up after {} attempts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="727"/>
        <source>(the service asked to wait {:.0f} s before retrying)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="747"/>
        <source>{method} {url} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="751"/>
        <source>Check the network connection and proxy settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="757"/>
        <source>connection timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="759"/>
        <source>the server stopped answering (read timed out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="761"/>
        <source>TLS/SSL error: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="765"/>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="767"/>
        <source>the host name could not be resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="768"/>
        <source>connection error: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/http.py" line="863"/>
        <source>{method} {url} did not return JSON: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <location filename="../plugin/core/jobs.py" line="36"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="37"/>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="38"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="39"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="40"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="41"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/jobs.py" line="42"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../plugin/core/runner.py" line="42"/>
        <source>Cancelled by the user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="95"/>
        <source>Job &apos;{}&apos; failed: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="115"/>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/adapters/job_manager.py" line="131"/>
        <source>Resuming job &apos;{}&apos; ({}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../ui/jobs_panel.ui" line="5"/>
        <source>EO Downloader jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="10"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="11"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="12"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="13"/>
        <source>Add to map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.ui" line="14"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPanelWidget</name>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="21"/>
        <source>EO Downloader jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="27"/>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="27"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="27"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="27"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="27"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/jobs_panel.py" line="110"/>
        <source>Select a job to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <location filename="../plugin/adapters/layers.py" line="87"/>
        <source>Downloaded by EO Downloader from {provider}.
Source: {source}
Bands: {bands}
Acquired: {date}
Job: {job}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.ui" line="5"/>
        <source>EO Downloader settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="10"/>
        <source>Google Earth Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="12"/>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="14"/>
        <source>Cloud project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="15"/>
        <source>my-ee-project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="29"/>
        <source>API base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="17"/>
        <source>https://earthengine.googleapis.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="18"/>
        <source>Token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="19"/>
        <source>https://oauth2.googleapis.com/token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="25"/>
        <source>EOSDA API Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="27"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="30"/>
        <source>https://api-connect.eos.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="36"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="38"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="40"/>
        <source>Largest area (km²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="42"/>
        <source>Parallel tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.ui" line="44"/>
        <source>Verify TLS certificates (turn off only for a trusted test server)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../plugin/core/transfer.py" line="492"/>
        <source>{} is already being downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="580"/>
        <source>Not enough free disk space in {folder}: the download needs {need} but only {free} are available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="580"/>
        <source>Free some space or choose another output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="596"/>
        <source>The server sent an HTML page instead of the file: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="598"/>
        <source>The server sent an HTML page instead of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="600"/>
        <source>The link may have expired or need a sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="627"/>
        <source>{url} answered HTTP {status} {reason} instead of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="636"/>
        <source>{url} sent {ctype}, which is not the expected kind of file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="733"/>
        <source>{url} announces {size} bytes but {expected} bytes were expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="735"/>
        <source>The download of {url} has {size} bytes but {expected} bytes were expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="774"/>
        <source>{url} sent more data than it announced ({total} bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="814"/>
        <source>the connection closed after {} of {} bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="832"/>
        <source>The download of {url} is incomplete ({done} of {total} bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="849"/>
        <source>The download of {url} is corrupt: its {algo} checksum is {actual}, the server announced {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="849"/>
        <source>Try again; if it repeats, the server sends a broken file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="872"/>
        <source>{} is a folder; cannot save the download there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="922"/>
        <source>{url} keeps changing during the download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="933"/>
        <source>The download of {url} failed: {error} (gave up after {n} attempts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="936"/>
        <source>Try again later; the download will resume where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="1014"/>
        <source>A destination file or folder is needed for a download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/core/transfer.py" line="1058"/>
        <source>Could not save the download of {url}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
