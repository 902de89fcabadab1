#include "gateway/rawhttpconnection.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// The body of a chunked answer without its framing. Chunk extensions are
// ignored; a malformed rest is kept as it is (the body is for messages).
QByteArray dechunked(QByteArrayView body)
{
    QByteArray out;
    qsizetype pos = 0;
    while (pos < body.size()) {
        const qsizetype lineEnd = body.indexOf("\r\n", pos);
        if (lineEnd < 0)
            break;
        QByteArrayView sizeText = body.sliced(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText = sizeText.first(semicolon);
        bool ok = false;
        const qsizetype size = sizeText.trimmed().toByteArray().toLongLong(&ok, 16);
        if (!ok || size < 0 || lineEnd + 2 + size > body.size())
            break;
        if (size == 0)
            return out;
        out.append(body.sliced(lineEnd + 2, size));
        pos = lineEnd + 2 + size + 2; // the chunk's CRLF
    }
    out.append(body.sliced(std::min(pos, body.size())));
    return out;
}

bool isIdempotent(QByteArrayView method)
{
    return method != "POST" && method != "PATCH";
}

} // namespace

RawHttpConnection::RawHttpConnection(const QUrl &base, QByteArray authorization, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_host(base.host())
    , m_port(quint16(base.port(80)))
    , m_authorization(std::move(authorization))
    , m_timeoutMs(timeoutMs)
{
    const QString host = base.host(QUrl::FullyEncoded);
    m_hostHeader = (host.contains(u':') ? u'[' + host + u']' : host).toLatin1();
    if (base.port() > 0)
        m_hostHeader += ':' + QByteArray::number(base.port());
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(Error::make(Error::Timeout, tr("%1: no complete answer within %2 s").arg(m_request.where).arg(m_timeoutMs / 1000.0)));
    });
    connect(&m_socket, &QTcpSocket::connected, this, [this] { writeRequest(); });
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
    // A peer closing a connection gives errorOccurred(RemoteHostClosed)
    // and then disconnected(): handled once, on the latter. A refused
    // connection only gives errorOccurred().
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            onSocketGone(false);
    });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] { onSocketGone(true); });
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

RawHttpConnection::~RawHttpConnection()
{
    // The socket goes with us; its disconnected() is not news to anyone.
    m_callback = nullptr;
    abortSocket();
}

void RawHttpConnection::send(Request request, Callback callback)
{
    Q_ASSERT_X(!busy(), "RawHttpConnection::send", "a request is still in flight");
    m_request = std::move(request);
    m_callback = std::move(callback);
    m_retried = false;
    start();
}

void RawHttpConnection::start()
{
    m_buffer.clear();
    m_gotBytes = false;
    m_written = false;
    m_timer.start(m_timeoutMs);
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_reused = true;
        writeRequest();
    } else {
        m_reused = false;
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            abortSocket();
        m_socket.connectToHost(m_host, m_port);
    }
}

void RawHttpConnection::writeRequest()
{
    if (!m_callback)
        return;
    QByteArray request;
    request.reserve(160 + m_request.target.size() + m_request.body.size());
    request.append(m_request.method).append(' ').append(m_request.target).append(" HTTP/1.1\r\nHost: ").append(m_hostHeader);
    request.append("\r\nUser-Agent: PushDeck/" PUSHDECK_VERSION "\r\nContent-Length: ")
        .append(QByteArray::number(m_request.body.size()))
        .append("\r\n");
    if (!m_authorization.isEmpty())
        request.append("Authorization: ").append(m_authorization).append("\r\n");
    for (const auto &[name, value] : std::as_const(m_request.headers))
        request.append(name).append(": ").append(value).append("\r\n");
    request.append("\r\n");
    request.append(m_request.body);
    m_socket.write(request);
    m_written = true;
}

// abort() emits disconnected() right away: that is not news.
void RawHttpConnection::abortSocket()
{
    m_aborting = true;
    m_socket.abort();
    m_aborting = false;
}

void RawHttpConnection::onSocketGone(bool closedByPeer)
{
    if (m_aborting || !m_callback)
        return; // ours, or an idle keep-alive connection closed: reconnect on the next request
    if (closedByPeer && !m_gotBytes && m_reused && !m_retried && isIdempotent(m_request.method)) {
        // The server closed a kept-alive connection just as we reused it;
        // the request is idempotent, so send it once more on a fresh one.
        m_retried = true;
        abortSocket();
        start();
        return;
    }
    if (m_responseWithoutLength && closedByPeer) {
        finishResponse();
        return;
    }
    const QString reason = m_socket.error() == QAbstractSocket::UnknownSocketError
        ? tr("the connection was closed before the answer was complete")
        : m_socket.errorString();
    fail(Error::make(Error::Network, m_request.where + u": "_s + reason));
}

void RawHttpConnection::onReadyRead()
{
    m_buffer.append(m_socket.readAll());
    m_gotBytes = true;
    if (!m_callback) {
        m_buffer.clear();
        return;
    }
    if (m_headerEnd < 0) {
        m_headerEnd = int(m_buffer.indexOf("\r\n\r\n"));
        if (m_headerEnd < 0) {
            if (m_buffer.size() > 64 * 1024)
                fail(Error::make(Error::Network, m_request.where + u": "_s + tr("malformed HTTP answer")));
            return;
        }
        if (!parseHeaders())
            return;
    }
    const qsizetype bodyStart = m_headerEnd + 4;
    if (m_chunked) {
        // Wait for the last chunk.
        if (!m_buffer.endsWith("0\r\n\r\n"))
            return;
    } else if (m_contentLength >= 0) {
        if (m_buffer.size() - bodyStart < m_contentLength)
            return;
    } else {
        m_responseWithoutLength = true; // body ends when the server closes
        return;
    }
    finishResponse();
}

bool RawHttpConnection::parseHeaders()
{
    const QList<QByteArray> lines = m_buffer.left(m_headerEnd).split('\n');
    const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
    bool ok = false;
    m_status = status.value(1).toInt(&ok);
    if (!status.value(0).startsWith("HTTP/1.") || !ok) {
        fail(Error::make(Error::Network, m_request.where + u": "_s + tr("not an HTTP answer")));
        return false;
    }
    m_keepAlive = status.value(0) == "HTTP/1.1";
    m_contentLength = -1;
    m_chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            m_contentLength = value.toLongLong();
        else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
            m_chunked = true;
        else if (name == "connection")
            m_keepAlive = m_keepAlive ? !value.toLower().contains("close") : value.toLower().contains("keep-alive");
    }
    // Answers that never have a body, whatever their headers say.
    if (m_request.method == "HEAD" || m_status == 204 || m_status == 304) {
        m_contentLength = 0;
        m_chunked = false;
    }
    return true;
}

void RawHttpConnection::finishResponse()
{
    Response response;
    response.status = m_status;
    response.body = m_buffer.mid(m_headerEnd + 4);
    if (m_chunked)
        response.body = dechunked(response.body);
    else if (m_contentLength >= 0)
        response.body.truncate(m_contentLength);
    const bool keepAlive = m_keepAlive && !m_responseWithoutLength;
    resetResponse();
    if (!keepAlive)
        abortSocket();
    complete(response);
}

void RawHttpConnection::resetResponse()
{
    m_buffer.clear();
    m_headerEnd = -1;
    m_contentLength = -1;
    m_chunked = false;
    m_responseWithoutLength = false;
}

void RawHttpConnection::fail(const Error &error)
{
    resetResponse();
    abortSocket();
    complete(error);
}

void RawHttpConnection::complete(const Result<Response> &result)
{
    m_timer.stop();
    Callback callback = std::move(m_callback);
    m_callback = nullptr;
    if (callback)
        callback(result);
}

} // namespace PushDeck
