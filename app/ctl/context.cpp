#include "ctl/context.h"


#include "gateway/connectionresolver.h"
#include "operations/auditlog.h"
#include "core/awaitfuture.h"
#include "core/printable.h"
#include "gateway/credentialstore.h"
#include "core/duration.h"
#include "operations/snapshot.h"
#include "staleness/stalenessrules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QSettings>
#include <QStandardPaths>

#include <QSocketNotifier>
#include <QStringDecoder>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// The self-pipe: the handler only writes the signal number; the event loop
// reads it and calls the guard's stop function.
int signalPipe[2] = {-1, -1};
std::function<void()> *signalStop = nullptr;
int caughtSignal = 0;
QSocketNotifier *signalNotifier = nullptr;

extern "C" void onStopSignal(int signal)
{
    const int saved = errno;
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
    errno = saved;
}

} // namespace

CtlSignalGuard::CtlSignalGuard(std::function<void()> stop)
{
    Q_ASSERT_X(!signalStop, "CtlSignalGuard", "one at a time");
    caughtSignal = 0;
    signalStop = new std::function<void()>(std::move(stop));
    if (signalPipe[0] < 0 && ::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return; // without the pipe the signals keep their default: end the process
    signalNotifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(signalNotifier, &QSocketNotifier::activated, signalNotifier, [] {
        char byte = 0;
        while (::read(signalPipe[0], &byte, 1) == 1) {
            if (caughtSignal == 0)
                caughtSignal = byte;
            if (signalStop && *signalStop)
                (*signalStop)();
        }
    });
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

CtlSignalGuard::~CtlSignalGuard()
{
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    delete signalNotifier;
    signalNotifier = nullptr;
    delete signalStop;
    signalStop = nullptr;
}

int CtlSignalGuard::signal() const
{
    return caughtSignal;
}

QString CtlSignalGuard::signalName(int signal)
{
    switch (signal) {
    case SIGINT: return u"SIGINT"_s;
    case SIGTERM: return u"SIGTERM"_s;
    default: return u"signal %1"_s.arg(signal);
    }
}

CtlContext::CtlContext() = default;
CtlContext::~CtlContext() = default;

QUrl CtlContext::gateway() const
{
    return m_connection ? m_connection->baseUrl : options.gateways.value(0);
}

namespace {

// stdout and stderr for people: every control character, bidirectional or
// invisible character a gateway's text may carry is escaped on the way out
// (core/printable.h), whatever path it came by (a table, a preview, an
// error with the gateway's own text), so that no output can be forged.
// Newlines pass. JSON escapes its control characters itself; the \uHHHH
// this adds for the others is valid JSON for the same character.
class TerminalSafeDevice final : public QIODevice
{
public:
    explicit TerminalSafeDevice(FILE *file) : m_file(file) { open(QIODevice::WriteOnly | QIODevice::Unbuffered); }
    bool isSequential() const override { return true; }
    bool escapes = true;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        QByteArray bytes;
        if (escapes)
            bytes = printable(QString(m_decoder(QByteArrayView(data, size))), LineBreaks::Keep).toUtf8();
        else
            bytes = QByteArray(data, size);
        if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_file) != size_t(bytes.size()))
            return -1;
        std::fflush(m_file);
        return size;
    }

private:
    FILE *m_file;
    QStringDecoder m_decoder{QStringDecoder::Utf8}; // keeps a sequence split between two writes
};

TerminalSafeDevice &stdoutDevice()
{
    static TerminalSafeDevice device(stdout);
    return device;
}

} // namespace

QTextStream &CtlContext::out()
{
    static QTextStream stream(&stdoutDevice());
    return stream;
}

QTextStream &CtlContext::err()
{
    static TerminalSafeDevice device(stderr);
    static QTextStream stream(&device);
    return stream;
}

void CtlContext::setRawDataOutput(bool raw)
{
    out().flush();
    stdoutDevice().escapes = !raw;
}

int CtlContext::fail(const QString &message, int code)
{
    out().flush();
    // One line, whatever the message carries (a gateway's multi-line text).
    QString line = message;
    line.replace(u"\r\n"_s, u" "_s);
    line.replace(u'\n', u' ');
    m_lastFailure = line;
    err() << "pushdeckctl: " << line << Qt::endl;
    return code;
}

int CtlContext::exitCodeFor(const Error &error, ErrorOrigin origin)
{
    const bool operation = origin == ErrorOrigin::Operation;
    switch (error.kind) {
    case Error::Network:
    case Error::Timeout:
    case Error::Tls:
    case Error::NotAGateway:
        return ExitUnavailable;
    case Error::Parse:
        return operation ? ExitDataError : ExitUsage;
    case Error::Invalid:
        return operation ? ExitError : ExitUsage;
    case Error::NotFound: // a file the connection options name (ConnectionResolver)
        return operation ? ExitError : ExitNoInput;
    case Error::Keyring: // no secret given, none in the keyring: pass one
        return operation ? ExitError : ExitUsage;
    default:
        return ExitError;
    }
}

QString CtlContext::messageFor(const Error &error) const
{
    const bool unreachable = error.kind == Error::Network || error.kind == Error::Timeout;
    if (!unreachable || options.gatewaySource != CtlOptions::GatewaySource::Default || !options.profileName.isEmpty())
        return error.message;
    return error.message
        + u"; no gateway was named, so %1 was tried: name one with --gateway URL, PUSHDECK_GATEWAY=URL or "
          "\"gateway: URL\" in ~/.config/pushdeck/pushdeckctl.yml"_s.arg(gateway().toDisplayString(QUrl::RemoveUserInfo));
}

int CtlContext::fail(const Error &error, ErrorOrigin origin)
{
    return fail(messageFor(error), exitCodeFor(error, origin));
}

int CtlContext::failParse(const Error &error, const QString &text)
{
    const int code = fail(error);
    // The caret is for people: scripts reading stderr keep getting one line.
    if (error.column > 0 && isatty(STDERR_FILENO)) {
        err() << "  " << text << '\n' << "  " << QString(error.column - 1, u' ') << "^" << Qt::endl;
    }
    return code;
}

std::optional<int> CtlContext::refuseIfReadOnly(const QString &command)
{
    if (!options.readOnly)
        return std::nullopt;
    return fail(u"refusing to run \"%1\": read-only mode (--read-only or PUSHDECK_READ_ONLY) allows no changes"_s.arg(command),
                ExitRefused);
}

std::optional<int> CtlContext::confirm(const QString &question, bool yes, const QString &refusal)
{
    if (yes)
        return std::nullopt;
    if (!isatty(STDIN_FILENO))
        return fail(refusal + u": not confirmed (stdin is not a terminal; pass --yes to confirm)"_s, ExitRefused);
    out().flush();
    err() << question << " [y/N] " << Qt::flush;
    char buffer[256] = {};
    if (!std::fgets(buffer, sizeof buffer, stdin))
        return fail(refusal + u": not confirmed"_s, ExitRefused);
    const QString answer = QString::fromLocal8Bit(buffer).trimmed().toLower();
    if (answer == u"y"_s || answer == u"yes"_s)
        return std::nullopt;
    return fail(refusal + u": not confirmed"_s, ExitRefused);
}

ClientOptions CtlContext::clientOptionsFor(const QUrl &url) const
{
    ClientOptions clientOptions = m_connection ? m_connection->options : ClientOptions{};
    clientOptions.timeoutMs = options.timeoutMs;
    // Credentials belong to the gateway they were given for: another origin
    // (repush --to-gateway) gets the TLS settings but no Authorization.
    const QUrl gateway = this->gateway();
    if (url.scheme() != gateway.scheme() || url.host() != gateway.host()
        || url.port(url.scheme() == u"https"_s ? 443 : 80) != gateway.port(gateway.scheme() == u"https"_s ? 443 : 80))
        clientOptions.authorization.clear();
    if (url.scheme() != u"https"_s)
        clientOptions.ssl.reset();
    return clientOptions;
}

std::unique_ptr<GatewaySession> CtlContext::makeSession(const QUrl &url)
{
    auto session = std::make_unique<GatewaySession>(url, clientOptionsFor(url), GatewaySession::Persistence::ReadOnly);
    session->setConfiguredPolicy(policy);
    session->setSnapshotStore(&snapshotStore());
    session->setAuditLog(&auditLog());
    return session;
}

std::optional<int> CtlContext::prepareConnection()
{
    ConnectionRequest request = options.connectionRequest();
    if (!options.httpConfigFile.isEmpty()) {
        auto config = HttpClientConfig::load(options.httpConfigFile);
        if (!config)
            return fail(u"--http.config.file: "_s + config.errorString(),
                        config.error().kind == Error::NotFound ? ExitNoInput : ExitDataError);
        request.httpConfig = std::move(config).value();
    }
    if (!options.profileName.isEmpty()) {
        QSettings settings(u"PushDeck"_s, u"pushdeck"_s); // the GUI's settings
        auto saved = ConnectionResolver::savedProfile(settings, options.profileName);
        if (!saved)
            return fail(u"--profile: "_s + saved.errorString(), exitCodeFor(saved.error()));
        request.profile = std::move(saved).value();
    }
    ConnectionResolver resolver;
    resolver.setEnvironment(QProcessEnvironment::systemEnvironment());
    CredentialStore store; // asked only for a profile's secret given nowhere else
    store.setTimeoutMs(keyringTimeoutMs);
    resolver.setCredentialStore(&store);
    auto connection = awaitFuture(resolver.resolve(request));
    if (!connection)
        return fail(connection.error());
    m_connection = std::move(connection).value();

    if (m_connection->hasWarning(ConnectionWarning::SkipsVerification))
        err() << "pushdeckctl: warning: TLS certificate verification is off (--insecure-skip-verify): anyone between "
                 "here and the gateway can read the credentials and fake its answers"
              << Qt::endl;
    if (m_connection->hasWarning(ConnectionWarning::CredentialsOverPlainHttp))
        err() << "pushdeckctl: warning: sending credentials over plain http to " << m_connection->baseUrl.host()
              << ": anyone on the network can read them; use https" << Qt::endl;

    const QString prometheus = prometheusUrl();
    if (!prometheus.isEmpty()) {
        const auto url = GatewayClient::normalizeUrl(prometheus);
        if (!url)
            return fail(u"Prometheus URL: "_s + url.errorString(), ExitUsage);
        const auto version = awaitFuture(GatewayClient::prometheusVersionOf(*url, clientOptionsFor(*url)));
        const std::optional<PromDialect> dialect = version ? promDialectForVersion(*version) : std::nullopt;
        if (dialect) {
            m_dialect = *dialect;
            // The rules file's selectors mean what they mean to this
            // Prometheus too (the alert rules go to it).
            if (m_dialect != DefaultPromDialect) {
                QList<StalenessRule> rules = policy.rules();
                for (qsizetype i = 0; i < rules.size(); ++i) {
                    auto matcher = rules[i].matcher.withDialect(m_dialect);
                    if (!matcher)
                        return fail(u"--rules: rule %1 %2: %3 (Prometheus %4 at %5)"_s.arg(i + 1)
                                        .arg(rules[i].matcher.toString(), matcher.errorString(), *version, url->toDisplayString()),
                                    ExitDataError);
                    rules[i].matcher = std::move(matcher).value();
                }
                policy.setRules(rules);
            }
        } else
            err() << "pushdeckctl: warning: cannot tell the version of Prometheus at " << url->toDisplayString() << " ("
                  << (version ? u"version \""_s + *version + u'"' : version.errorString())
                  << "): reading selectors as Prometheus 3 does" << Qt::endl;
    }
    return std::nullopt;
}

QString CtlContext::prometheusUrl() const
{
    if (!options.prometheusUrl.isEmpty())
        return options.prometheusUrl;
    return m_connection ? m_connection->profile.prometheusUrl.trimmed() : QString();
}

AuditLog &CtlContext::auditLog()
{
    if (!m_audit)
        m_audit = std::make_unique<AuditLog>(AuditLog::defaultPath());
    return *m_audit;
}

SnapshotStore &CtlContext::snapshotStore()
{
    if (!m_store)
        m_store = std::make_unique<SnapshotStore>(SnapshotStore::defaultDirectory());
    return *m_store;
}

GatewaySession &CtlContext::session()
{
    if (!m_session)
        m_session = makeSession(gateway());
    return *m_session;
}

Result<QList<Group>> CtlContext::fetchGroups()
{
    auto result = awaitFuture(session().readGroups());
    if (!result)
        return result;
    QList<Group> groups = std::move(result).value();
    std::sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) { return a.key < b.key; });
    return groups;
}

double CtlContext::now() const
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

namespace {

// An argument's parse error as pushdeckctl says it: "invalid KEY {a: ...",
// a usage error, with the column of `text` when `column` is given.
Error argumentError(Error::Kind kind, const QString &message, int column = 0)
{
    Error error = Error::make(kind, message);
    error.column = column;
    return error;
}

} // namespace

Result<GroupingKey> CtlContext::parseKey(const QString &text, const QString &what)
{
    // A key can also be given as the push path, as copied from a script or
    // the gateway's log: /metrics/job/a/instance@base64/=
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'/') || trimmed.startsWith(u"metrics/"_s)) {
        auto key = GroupingKey::fromPath(trimmed);
        if (!key)
            return argumentError(Error::Invalid, u"invalid %1 %2: %3"_s.arg(what, text, key.errorString()));
        return key;
    }
    auto key = GroupingKey::parse(text);
    if (!key)
        return argumentError(Error::Parse, u"invalid %1 %2: %3"_s.arg(what, text, key.errorString()), key.error().column);
    return key;
}

Result<LabelMatcher> CtlContext::parseMatcher(const QString &text, const QString &what) const
{
    auto matcher = LabelMatcher::parse(text, m_dialect);
    if (!matcher)
        return argumentError(Error::Parse, u"invalid %1 %2: %3"_s.arg(what, text, matcher.errorString()),
                             matcher.error().column);
    return matcher;
}

Result<double> CtlContext::parseDurationArg(const QString &text, const QString &what)
{
    auto seconds = parseDuration(text);
    if (!seconds) // the message says the column itself
        return argumentError(Error::Parse, u"%1: %2"_s.arg(what, seconds.errorString()));
    return seconds;
}

std::optional<int> CtlContext::preparePolicy()
{
    if (!options.rulesFile.isEmpty()) {
        auto loaded = StalenessRules::load(options.rulesFile);
        if (!loaded)
            return fail(u"--rules: %1"_s.arg(loaded.errorString()),
                        loaded.error().kind == Error::Parse ? ExitDataError : ExitNoInput);
        policy = std::move(loaded).value();
    }
    if (!options.warnAfter && !options.staleAfter)
        return std::nullopt;
    double warn = options.warnAfter.value_or(policy.defaultWarnAfter());
    const double stale = options.staleAfter.value_or(policy.defaultStaleAfter());
    // Only --stale-after given, below the default warning: warn at the same age.
    if (!options.warnAfter && warn > stale)
        warn = stale;
    if (warn > stale)
        return fail(u"--warn-after (%1) must not be longer than --stale-after (%2)"_s.arg(formatDuration(warn),
                                                                                          formatDuration(stale)),
                    ExitUsage);
    policy.setDefaults(warn, stale);
    return std::nullopt;
}

} // namespace PushDeck
