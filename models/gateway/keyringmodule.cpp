// pushdeck-keyring.so: the KeyringBackend on QtKeychain (Secret Service,
// KWallet). A module of its own so that only what is installed with it
// (the window's package) needs libqt6keychain1; CredentialStore loads it.

#include "gateway/keyringbackend.h"

#include <QObject>

#include <qt6keychain/keychain.h>

namespace PushDeck {

namespace {

KeyringAnswer answerOf(QKeychain::Job *job)
{
    KeyringAnswer answer;
    answer.errorText = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        answer.errorText.clear();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            answer.secret = read->textData();
        break;
    case QKeychain::EntryNotFound:
        answer.status = KeyringAnswer::Status::NotFound;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        answer.status = KeyringAnswer::Status::AccessDenied;
        break;
    case QKeychain::CouldNotDeleteEntry:
        answer.status = KeyringAnswer::Status::CouldNotDelete;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        answer.status = KeyringAnswer::Status::Unavailable;
        break;
    }
    return answer;
}

class QtKeychainBackend final : public KeyringBackend
{
public:
    void start(Operation operation, const QString &service, const QString &key, const QString &secret,
               QObject *context, std::function<void(const KeyringAnswer &)> done) override
    {
        QKeychain::Job *job = nullptr;
        switch (operation) {
        case Operation::Read:
            job = new QKeychain::ReadPasswordJob(service);
            break;
        case Operation::Write: {
            auto *write = new QKeychain::WritePasswordJob(service);
            write->setTextData(secret);
            job = write;
            break;
        }
        case Operation::Remove:
            job = new QKeychain::DeletePasswordJob(service);
            break;
        }
        job->setKey(key);
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // never a plaintext file
        QObject::connect(job, &QKeychain::Job::finished, context,
                         [done = std::move(done)](QKeychain::Job *finished) { done(answerOf(finished)); });
        job->start();
    }
};

} // namespace

} // namespace PushDeck

extern "C" Q_DECL_EXPORT PushDeck::KeyringBackend *pushdeck_keyring_backend(const char *version)
{
    static PushDeck::QtKeychainBackend backend;
    if (!version || qstrcmp(version, PUSHDECK_VERSION) != 0)
        return nullptr;
    return &backend;
}
