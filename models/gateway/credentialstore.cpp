#include "gateway/credentialstore.h"

#include "gateway/keyringbackend.h"

#include <QCoreApplication>
#include <QHash>
#include <QLibrary>
#include <QMutex>
#include <QPromise>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CredentialStore", text);
}

QMutex sessionMutex;
QHash<QString, QString> &sessionSecrets()
{
    static QHash<QString, QString> secrets;
    return secrets;
}

// The keyring module, loaded once per process and never unloaded (its
// backend is a static object in it). An error says why there is none.
Result<KeyringBackend *> loadBackend()
{
    static QMutex mutex;
    static std::optional<Result<KeyringBackend *>> loaded;
    QMutexLocker lock(&mutex);
    if (loaded)
        return *loaded;
    const QString path = CredentialStore::modulePath();
    auto *library = new QLibrary(path); // kept: the backend lives in it
    library->setLoadHints(QLibrary::PreventUnloadHint);
    const auto entry = reinterpret_cast<KeyringModuleEntry>(library->resolve(keyringModuleEntry));
    if (!entry) {
        loaded = Error::make(Error::Keyring,
                             tr("no system keyring available: PushDeck's keyring module is not installed (%1)")
                                 .arg(library->errorString()));
        delete library;
    } else if (KeyringBackend *backend = entry(PUSHDECK_VERSION)) {
        loaded = backend;
    } else {
        loaded = Error::make(Error::Keyring, tr("no system keyring available: %1 belongs to another version of PushDeck")
                                                 .arg(path));
    }
    return *loaded;
}

Error keyringError(const KeyringAnswer &answer, const QString &profile)
{
    const QString &text = answer.errorText;
    switch (answer.status) {
    case KeyringAnswer::Status::Ok:
        return {};
    case KeyringAnswer::Status::NotFound:
        return Error::make(Error::NotFound, tr("no secret stored for profile \"%1\" in the system keyring").arg(profile));
    case KeyringAnswer::Status::AccessDenied:
        return Error::make(Error::Keyring, tr("the system keyring refused access: %1").arg(text));
    case KeyringAnswer::Status::CouldNotDelete:
        return Error::make(Error::Keyring, tr("the system keyring could not delete the secret of \"%1\": %2").arg(profile, text));
    case KeyringAnswer::Status::Unavailable:
        break;
    }
    return Error::make(Error::Keyring, tr("no system keyring available: %1").arg(text.isEmpty() ? tr("unknown error") : text));
}

// Runs one keyring job and turns it into a future. A keyring that never
// answers (D-Bus activation of a service that does not come up) fails after
// the timeout instead of hanging.
template<typename T, typename OnDone>
QFuture<Result<T>> runJob(KeyringBackend::Operation operation, const QString &service, const QString &profile,
                          const QString &secret, int timeoutMs, OnDone onDone, bool notFoundOk = false)
{
    const auto backend = loadBackend();
    if (!backend)
        return QtFuture::makeReadyFuture(Result<T>(backend.error()));
    auto promise = std::make_shared<QPromise<Result<T>>>();
    auto done = std::make_shared<bool>(false);
    promise->start();
    // The timer is also the job's context: once it is gone (timed out or
    // finished), a late answer is dropped.
    auto *timer = new QTimer;
    timer->setSingleShot(true);
    auto finish = [promise, done, timer](Result<T> result) {
        if (*done)
            return;
        *done = true;
        timer->stop();
        timer->deleteLater();
        promise->addResult(std::move(result));
        promise->finish();
    };
    QObject::connect(timer, &QTimer::timeout, timer, [finish, timeoutMs] {
        finish(Error::make(Error::Keyring, tr("no system keyring available: the keyring did not answer within %1 s")
                                               .arg(timeoutMs / 1000.0)));
    });
    timer->start(timeoutMs);
    (*backend)->start(operation, service, profile, secret, timer,
                      [finish, onDone, profile, notFoundOk](const KeyringAnswer &answer) {
                          if (answer.status != KeyringAnswer::Status::Ok
                              && !(notFoundOk && answer.status == KeyringAnswer::Status::NotFound)) {
                              finish(keyringError(answer, profile));
                              return;
                          }
                          finish(onDone(answer));
                      });
    return promise->future();
}

} // namespace

QString CredentialStore::modulePath()
{
    const QString configured = qEnvironmentVariable("PUSHDECK_KEYRING_MODULE");
    if (!configured.isEmpty())
        return configured;
    // Installed: /usr/bin/pushdeck → /usr/lib/x86_64-linux-gnu/pushdeck/;
    // the build tree puts the module at the same place relative to app/ and tests/.
    return QCoreApplication::applicationDirPath() + u"/../" PUSHDECK_KEYRING_DIR "/pushdeck-keyring.so"_s;
}

bool CredentialStore::isAvailable()
{
    return loadBackend().ok();
}

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(u"PushDeck"_s, parent)
{
}

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

CredentialStore::~CredentialStore() = default;

QFuture<Result<QString>> CredentialStore::read(const QString &profile)
{
    return runJob<QString>(KeyringBackend::Operation::Read, m_service, profile, {}, m_timeoutMs,
                           [](const KeyringAnswer &answer) -> Result<QString> { return answer.secret; });
}

QFuture<Result<Done>> CredentialStore::write(const QString &profile, const QString &secret)
{
    return runJob<Done>(KeyringBackend::Operation::Write, m_service, profile, secret, m_timeoutMs,
                        [](const KeyringAnswer &) -> Result<Done> { return Done{}; });
}

QFuture<Result<Done>> CredentialStore::remove(const QString &profile)
{
    return runJob<Done>(KeyringBackend::Operation::Remove, m_service, profile, {}, m_timeoutMs,
                        [](const KeyringAnswer &) -> Result<Done> { return Done{}; }, true);
}

void CredentialStore::rememberForSession(const QString &profile, const QString &secret)
{
    QMutexLocker lock(&sessionMutex);
    sessionSecrets().insert(profile, secret);
}

std::optional<QString> CredentialStore::sessionSecret(const QString &profile)
{
    QMutexLocker lock(&sessionMutex);
    const auto it = sessionSecrets().constFind(profile);
    if (it == sessionSecrets().cend())
        return std::nullopt;
    return *it;
}

void CredentialStore::forgetSession(const QString &profile)
{
    QMutexLocker lock(&sessionMutex);
    sessionSecrets().remove(profile);
}

} // namespace PushDeck
