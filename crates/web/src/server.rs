//! The HTTP server around the router: the accept loop, with a cap on open
//! connections, a deadline for a request's head (which also closes idle
//! keep-alive connections), a deadline for every write, and graceful
//! shutdown. axum's own `serve` offers none of these timeouts, so the loop
//! is built from hyper's parts.

use crate::error::AppError;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio_io_timeout::TimeoutStream;

/// The limits of the server's connections.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    /// How long a client has to send a request's head; also how long an
    /// idle keep-alive connection is kept.
    pub header_timeout: Duration,
    /// How long one write to a client may wait before the connection is dropped.
    pub write_timeout: Duration,
    /// The most connections open at once; more are answered 503 and closed.
    pub max_connections: usize,
    /// How long shutdown waits for requests in flight.
    pub shutdown_grace: Duration,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            header_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(30),
            max_connections: 512,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// The largest request head hyper buffers; past it hyper itself answers 431.
/// Smaller heads over our own limits get our answer, with our headers.
const MAX_HEAD_BUFFER: usize = 64 * 1024;

/// Serves `router` on `listener` until `shutdown` completes, then finishes
/// the requests in flight (for at most `config.shutdown_grace`).
pub async fn serve_with(
    listener: TcpListener,
    router: Router,
    config: ServeConfig,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of descriptors and the like: wait, do not spin.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            tokio::spawn(refuse(stream, config.write_timeout));
            continue;
        };
        let mut io = TimeoutStream::new(stream);
        io.set_write_timeout(Some(config.write_timeout));
        let service = TowerToHyperService::new(router.clone());
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(config.header_timeout)
            .max_buf_size(MAX_HEAD_BUFFER);
        let connection = builder.serve_connection(TokioIo::new(Box::pin(io)), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _slot = slot;
            if let Err(e) = connection.await {
                tracing::debug!("connection from {peer} ended: {e}");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(config.shutdown_grace) => {
            tracing::warn!("shutdown: requests still in flight after {:?}; leaving them", config.shutdown_grace);
        }
    }
    Ok(())
}

/// Answers a connection over the cap with a 503 and closes it.
async fn refuse(stream: TcpStream, write_timeout: Duration) {
    use tokio::io::AsyncWriteExt;
    let body = AppError::Busy.json_body();
    let head = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n{}\r\n",
        body.len(),
        crate::security_headers_text()
    );
    let mut stream = stream;
    let write = async {
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body.as_bytes()).await?;
        stream.shutdown().await
    };
    let _ = tokio::time::timeout(write_timeout, write).await;
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
