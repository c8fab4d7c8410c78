#!/usr/bin/env python3
"""A probe of hostile uploads against the real service, its files built here with Python's own sqlite3, zipfile and
struct (independently of the test suite's builders). For each file: the answer's status, its time, the process's peak
working set during that upload (VmHWM after resetting it through /proc/PID/clear_refs; needs root), and whether the
process is still alive. Usage: hostile_files.py BASE_URL PID KEY WORKDIR"""
import io, json, os, sqlite3, struct, sys, time, urllib.request, zipfile

base, pid, key, work = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
X0, Y0 = 39_520_000.0, 4_060_000.0

def gpkg(name, script, rows=()):
    path = os.path.join(work, name + ".gpkg")
    if os.path.exists(path): os.remove(path)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT, identifier TEXT, srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
        CREATE TABLE lines (id INTEGER PRIMARY KEY, shape BLOB, grade TEXT);
        INSERT INTO gpkg_contents VALUES ('lines', 'features', 'lines', 4527);
        INSERT INTO gpkg_geometry_columns VALUES ('lines', 'shape', 'LINESTRING', 4527, 0, 0);""" + script)
    for g in rows: db.execute("INSERT INTO lines (shape, grade) VALUES (?, '主干路')", (g,))
    db.commit(); db.close()
    return open(path, "rb").read()

def gp(wkb, flags=1): return b"GP" + bytes([0, flags]) + struct.pack("<i", 4527) + wkb
def line(*pts): return struct.pack("<BII", 1, 2, len(pts)) + b"".join(struct.pack("<dd", X0 + x, Y0 + y) for x, y in pts)
def nested(depth): return struct.pack("<BII", 1, 7, 1) * depth + struct.pack("<BIdd", 1, 1, X0, Y0)

def shp(points_override=None, parts_override=None):
    pts = [(0, 1000), (2000, 1000)]
    content = struct.pack("<i4d", 3, X0, Y0 + 1000, X0 + 2000, Y0 + 1000)
    content += struct.pack("<ii", parts_override or 1, points_override or 2) + struct.pack("<i", 0)
    content += b"".join(struct.pack("<dd", X0 + x, Y0 + y) for x, y in pts)
    rec = struct.pack(">ii", 1, len(content) // 2) + content
    header = struct.pack(">i", 9994) + b"\0" * 20 + struct.pack(">i", (100 + len(rec)) // 2) + struct.pack("<ii", 1000, 3) + b"\0" * 64
    return header + rec

def dbf():
    h = bytes([3, 124, 1, 1]) + struct.pack("<IHH", 1, 65, 21) + b"\0" * 20
    field = b"GRADE".ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([20, 0]) + b"\0" * 14
    return h + field + b"\r" + b" " + "主干路".encode("gbk").ljust(20) + b"\x1a"

def zipped(members, level=9):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in members:
            if callable(data):
                with z.open(name, "w", force_zip64=True) as f: data(f)
            else: z.writestr(name, data)
    return buf.getvalue()

def zeros(n, byte=b"\0"):
    def write(f):
        block = byte * (1 << 20)
        for _ in range(n >> 20): f.write(block)
    return write

def grid(n):
    feats = []
    for i in range(n):
        for a, b in (((0, 2 * i + 1), (2 * n, 2 * i + 1)), ((2 * i + 1, 0), (2 * i + 1, 2 * n))):
            feats.append({"type": "Feature", "properties": {"道路等级": "支路"}, "geometry": {"type": "LineString", "coordinates": [[X0 + a[0], Y0 + a[1]], [X0 + b[0], Y0 + b[1]]]}})
    return json.dumps({"type": "FeatureCollection", "features": feats}).encode()

def xlsx(month_xml):
    sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>单位名称</t></is></c><c r="B1" t="inlineStr"><is><t>统计月份</t></is></c><c r="C1" t="inlineStr"><is><t>废纸(吨)</t></is></c></row>'
             f'<row r="2"><c r="A2" t="inlineStr"><is><t>某回收站</t></is></c><c r="B2"><v>{month_xml}</v></c><c r="C2"><v>3</v></c></row></sheetData></worksheet>')
    return zipped([("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
                   ("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
                   ("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
                   ("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
                   ("xl/worksheets/sheet1.xml", sheet)])

net = lambda fmt: f"/api/network?format={fmt}&crs=EPSG:4527&name=probe"
valid_shp = zipped([("r.shp", shp()), ("r.dbf", dbf())])
corrupt = bytearray(valid_shp); corrupt[45:70] = bytes(b ^ 0x5A for b in corrupt[45:70])
cases = [
    ("gpkg: collection nested 50,000 deep", net("gpkg"), lambda: gpkg("nested", "", [gp(nested(50_000))])),
    ("gpkg: geometry_columns names an endless recursive view", net("gpkg"), lambda: gpkg("view", """
        CREATE VIEW v AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS id, zeroblob(4096) AS shape FROM r;
        UPDATE gpkg_contents SET table_name = 'v'; UPDATE gpkg_geometry_columns SET table_name = 'v';""")),
    ("gpkg: geometry TEXT", net("gpkg"), lambda: gpkg("text", "", ["LINESTRING(0 0,1 1)"])),
    ("gpkg: geometry INTEGER", net("gpkg"), lambda: gpkg("int", "", [7])),
    ("gpkg: blob shorter than its header", net("gpkg"), lambda: gpkg("short", "", [b"GP\0\x09\0\0\0\0\1\2"])),
    ("gpkg: geometry column missing", net("gpkg"), lambda: gpkg("missing", "UPDATE gpkg_geometry_columns SET column_name = 'geom';", [gp(line((0, 0), (9, 9)))])),
    ("gpkg: NULL table_name", net("gpkg"), lambda: gpkg("null", "UPDATE gpkg_geometry_columns SET table_name = NULL;")),
    ("shp: .shp cut to 150 bytes", net("shapefile"), lambda: zipped([("r.shp", shp()[:150]), ("r.dbf", dbf())])),
    ("shp: numParts 0x7fffffff", net("shapefile"), lambda: zipped([("r.shp", shp(parts_override=0x7fffffff)), ("r.dbf", dbf())])),
    ("shp: numPoints 0x7fffffff", net("shapefile"), lambda: zipped([("r.shp", shp(points_override=0x7fffffff)), ("r.dbf", dbf())])),
    ("shp: corrupt deflate", net("shapefile"), lambda: bytes(corrupt)),
    ("zip bomb: .dbf of 2 GiB zeros", net("shapefile"), lambda: zipped([("r.shp", shp()), ("r.dbf", zeros(2 << 30))])),
    ("zip bomb: .cpg of 1 GiB spaces", net("shapefile"), lambda: zipped([("r.shp", shp()), ("r.dbf", dbf()), ("r.cpg", zeros(1 << 30, b" "))])),
    ("centrelines: 2,000 crossing lines", net("geojson"), lambda: grid(1000)),
    ("csv: 2.16 M tiny rows", "/api/import/communities?crs=WGS84", lambda: b"name,households,lon,lat\n" + b"a,1,1,1\n" * 2_160_000),
    ("xlsx volumes: month NaN", "/api/import/volumes", lambda: xlsx("NaN")),
    ("xlsx volumes: month 1e400", "/api/import/volumes", lambda: xlsx("1e400")),
]

def status(field):
    for l in open(f"/proc/{pid}/status"):
        if l.startswith(field + ":"): return int(l.split()[1]) // 1024
    return -1

print(f"cores: {os.cpu_count()}; service pid {pid}; RSS {status('VmRSS')} MiB")
for name, route, build in cases:
    body = build()
    open(f"/proc/{pid}/clear_refs", "w").write("5")  # resets the peak working set to the current one
    before = status("VmRSS")
    req = urllib.request.Request(base + route, data=body, method="POST", headers={"Authorization": f"Bearer {key}", "Content-Type": "application/octet-stream"})
    t = time.time()
    try:
        with urllib.request.urlopen(req, timeout=600) as r: code, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e: code, text = e.code, e.read().decode()
    ms = (time.time() - t) * 1000
    alive = os.path.exists(f"/proc/{pid}")
    peak = status("VmHWM") if alive else -1
    try: reason = json.loads(text).get("detail", "")[:110]
    except Exception: reason = text[:110]
    print(f"{name:55s} {len(body):>11,} B  {code}  {ms:8.0f} ms  peak {peak:5d} MiB (+{peak - before:d})  {'alive' if alive else 'DEAD'}  {reason}")
    if not alive: sys.exit(1)
