#include "gateway/credentialstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QPromise>
#include <QTimer>

#include <qt6keychain/keychain.h>

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

Error keychainError(QKeychain::Error code, const QString &text, const QString &profile)
{
    switch (code) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return Error::make(Error::NotFound, tr("no secret stored for profile \"%1\" in the system keyring").arg(profile));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::make(Error::Keyring, tr("the system keyring refused access: %1").arg(text));
    case QKeychain::CouldNotDeleteEntry:
        return Error::make(Error::Keyring, tr("the system keyring could not delete the secret of \"%1\": %2").arg(profile, text));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return Error::make(Error::Keyring, tr("no system keyring available: %1").arg(text.isEmpty() ? tr("unknown error") : text));
}

// Runs one QtKeychain job and turns it into a future. A keyring that never
// answers (D-Bus activation of a service that does not come up) fails after
// the timeout instead of hanging.
template<typename T, typename Job, typename OnDone>
QFuture<Result<T>> runJob(Job *job, int timeoutMs, const QString &profile, OnDone onDone, bool notFoundOk = false)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    auto done = std::make_shared<bool>(false);
    promise->start();
    auto finish = [promise, done](Result<T> result) {
        if (*done)
            return;
        *done = true;
        promise->addResult(std::move(result));
        promise->finish();
    };
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    QObject::connect(job, &QKeychain::Job::finished, job, [finish, onDone, profile, notFoundOk](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && !(notFoundOk && j->error() == QKeychain::EntryNotFound)) {
            finish(keychainError(j->error(), j->errorString(), profile));
            return;
        }
        finish(onDone(j));
    });
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, job, [finish, timeoutMs] {
        finish(Error::make(Error::Keyring, tr("no system keyring available: the keyring did not answer within %1 s")
                                               .arg(timeoutMs / 1000.0)));
    });
    timer->start(timeoutMs);
    job->start();
    return promise->future();
}

} // namespace

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
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(profile);
    return runJob<QString>(job, m_timeoutMs, profile, [](QKeychain::Job *j) -> Result<QString> {
        return static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
    });
}

QFuture<Result<Done>> CredentialStore::write(const QString &profile, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(profile);
    job->setTextData(secret);
    return runJob<Done>(job, m_timeoutMs, profile, [](QKeychain::Job *) -> Result<Done> { return Done{}; });
}

QFuture<Result<Done>> CredentialStore::remove(const QString &profile)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(profile);
    return runJob<Done>(job, m_timeoutMs, profile, [](QKeychain::Job *) -> Result<Done> { return Done{}; }, true);
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
