"""moto's S3 server (PyPI ``moto[s3]`` + flask, its standalone server) on loopback, with a request log.

    with S3Server() as server:
        server.bucket("pub", public=True)
        server.put("pub", "a.tif", "/path/a.tif")
        server.endpoint              # http://127.0.0.1:<port>
        server.requests()            # [{"method", "path", "query", "range", "signed", "payer", ...}]

It is moto's own WSGI application (the one ``moto_server`` runs), served by werkzeug in a thread of
the test process, behind a thin recorder of each request's method, path, Range, Authorization and
``x-amz-request-payer`` (moto keeps no such log).  moto answers as S3 does for what the tests use:
objects with Range (206), ACLs (an anonymous GET of a private object is 403), buckets and keys
that do not exist (404 NoSuchBucket / NoSuchKey).  By default it does not check signatures;
:meth:`S3Server.require_signatures` makes it (moto's ``/moto-api/reset-auth``): then only the keys
of an IAM user it made are accepted, and a wrong secret is 403 SignatureDoesNotMatch -- anonymous
requests then fail in moto itself (500), so a test asks for it only with keys.  It does not bill
requester-pays reads: the tests assert the header the client sent.  Uploads go through boto3 with
keys of the test's own (:data:`ADMIN_KEY`).
"""
import threading
from typing import Dict, List

ADMIN_KEY = ("AKIAADMINTEST0000001", "admin-secret-not-used-by-the-plugin")   # pragma: allowlist secret


class _Recorder:
    def __init__(self, app):
        self.app = app
        self.log: List[Dict] = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        entry = {"method": environ.get("REQUEST_METHOD"), "path": environ.get("PATH_INFO"),
                 "query": environ.get("QUERY_STRING", ""), "range": environ.get("HTTP_RANGE"),
                 "authorization": environ.get("HTTP_AUTHORIZATION", ""),
                 "payer": environ.get("HTTP_X_AMZ_REQUEST_PAYER"), "status": None}

        def start(status, headers, *args):
            entry["status"] = int(status.split(" ")[0])
            return start_response(status, headers, *args)
        with self.lock:
            self.log.append(entry)
        return self.app(environ, start)


class S3Server:
    """moto's S3 on 127.0.0.1 (a free port); buckets and objects via boto3.  moto keeps its buckets in
    the process, shared by every server of it: ``reset`` (default) empties them when this one starts --
    a second server started while another is in use passes ``reset=False`` (and its own bucket names)."""

    def __init__(self, reset: bool = True):
        import logging
        from moto.moto_server.werkzeug_app import (DomainDispatcherApplication, MotoRequestHandler,
                                                   create_backend_app)
        from werkzeug.serving import make_server
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self.recorder = _Recorder(DomainDispatcherApplication(create_backend_app))
        self.server = make_server("127.0.0.1", 0, self.recorder, threaded=True, request_handler=MotoRequestHandler)
        self.port = self.server.server_address[1]
        self.endpoint = "http://127.0.0.1:{}".format(self.port)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True, name="moto-s3")
        self.thread.start()
        import requests
        if reset:
            requests.post(self.endpoint + "/moto-api/reset", timeout=10).raise_for_status()
        self._auth("inf")
        self.client = self._client()
        self.clear()

    def _client(self):
        import boto3
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id=ADMIN_KEY[0], aws_secret_access_key=ADMIN_KEY[1])

    def bucket(self, name: str, public: bool = False, requester_pays: bool = False) -> str:
        self.client.create_bucket(Bucket=name, ACL="public-read" if public else "private")
        if requester_pays:
            self.client.put_bucket_request_payment(Bucket=name, RequestPaymentConfiguration={"Payer": "Requester"})
        return name

    def put(self, bucket: str, key: str, path: str, public: bool = False) -> str:
        """Upload the file at ``path``; its ``s3://`` href."""
        self.client.upload_file(path, bucket, key, ExtraArgs={"ACL": "public-read" if public else "private"})
        return "s3://{}/{}".format(bucket, key)

    def _auth(self, count: str) -> None:
        import requests
        requests.post(self.endpoint + "/moto-api/reset-auth", data=count, timeout=10).raise_for_status()

    def require_signatures(self):
        """From now on, requests must be signed by the keys of an IAM user allowed every S3 action: those
        keys ``(access key id, secret)``."""
        import json
        import uuid

        import boto3
        iam = boto3.client("iam", endpoint_url=self.endpoint, region_name="us-east-1",
                           aws_access_key_id=ADMIN_KEY[0], aws_secret_access_key=ADMIN_KEY[1])
        user = "reader-{}".format(uuid.uuid4().hex[:8])          # moto's users too are the process's
        iam.create_user(UserName=user)
        iam.put_user_policy(UserName=user, PolicyName="s3", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
        key = iam.create_access_key(UserName=user)["AccessKey"]
        self._auth("0")
        return key["AccessKeyId"], key["SecretAccessKey"]

    def requests(self) -> List[Dict]:
        """The requests served so far (uploads included), oldest first."""
        with self.recorder.lock:
            return list(self.recorder.log)

    def clear(self) -> None:
        with self.recorder.lock:
            self.recorder.log.clear()

    def stop(self) -> None:
        self._auth("inf")
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


__all__ = ["ADMIN_KEY", "S3Server"]
