// The nginx configuration of the two-instance suite: the one the README's production section
// shows, with every path inside a scratch directory so it runs unprivileged beside other checkouts.

export function nginxConfig({
  listenPort,
  instancePorts,
  dir,
  runAsRoot,
}: {
  listenPort: number;
  instancePorts: readonly number[];
  dir: string;
  runAsRoot: boolean;
}): string {
  return `
${runAsRoot ? "user root root;" : ""}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }

http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  upstream hublink {
${instancePorts.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 16;
  }

  server {
    listen 127.0.0.1:${listenPort};
    client_max_body_size 2m;

    location / {
      proxy_pass http://hublink;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      # Dashboard panels stream in as GitHub answers: pass them on at once.
      proxy_buffering off;
      # An instance that is down or shutting down: try the other (never for a POST already sent).
      proxy_next_upstream error timeout http_502 http_503;
      # Which instance answered, for the test's eyes only.
      add_header X-Hublink-Upstream $upstream_addr always;
    }
  }
}
`;
}
