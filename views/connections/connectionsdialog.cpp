#include "views/connections/connectionsdialog.h"

#include "gateway/connectionresolver.h"
#include "gateway/credentialstore.h"
#include "gateway/gatewayclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

const char *ErrorStyle = "color: #c62828;";

} // namespace

ConnectionsDialog::ConnectionsDialog(CredentialStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setWindowTitle(tr("Connections"));
    setObjectName(u"connectionsDialog"_s);
    resize(760, 520);

    m_list = new QListWidget(this);
    m_list->setObjectName(u"profileList"_s);
    auto *addButton = new QPushButton(tr("&Add"), this);
    addButton->setObjectName(u"addButton"_s);
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setObjectName(u"removeButton"_s);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(addButton);
    listButtons->addWidget(m_removeButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);

    auto line = [this](const char *name, const QString &placeholder = {}) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    m_name = line("nameEdit", tr("e.g. production"));
    m_url = line("urlEdit", u"https://pushgateway.example:9091"_s);
    m_prefix = line("prefixEdit", tr("optional, e.g. /pushgateway"));
    m_auth = new QComboBox(this);
    m_auth->setObjectName(u"authCombo"_s);
    m_auth->addItem(tr("None"), int(ConnectionProfile::Auth::None));
    m_auth->addItem(tr("Basic (user and password)"), int(ConnectionProfile::Auth::Basic));
    m_auth->addItem(tr("Bearer token"), int(ConnectionProfile::Auth::Bearer));
    m_user = line("userEdit");
    m_secret = line("secretEdit");
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setToolTip(tr("Stored in the system keyring, never in PushDeck's settings"));
    m_ca = line("caEdit", tr("PEM file, added to the system CAs"));
    m_cert = line("certEdit", tr("PEM client certificate (mutual TLS)"));
    m_key = line("keyEdit", tr("PEM private key of the client certificate"));
    m_prometheus = line("prometheusEdit", tr("optional: the Prometheus scraping this gateway, e.g. http://prometheus:9090"));
    m_prometheus->setToolTip(tr("Its version decides how selectors are read (Prometheus 2.x or 3); groups get \"Open in Prometheus\""));
    m_grafana = line("grafanaEdit", tr("optional, e.g. https://grafana.example"));
    m_skipVerify = new QCheckBox(tr("Skip TLS certificate verification"), this);
    m_skipVerify->setObjectName(u"skipVerifyCheck"_s);
    m_skipWarning = new QLabel(tr("Dangerous: anyone between you and the gateway can read the credentials and fake "
                                  "its answers. Prefer the CA file."),
                               this);
    m_skipWarning->setObjectName(u"skipVerifyWarning"_s);
    m_skipWarning->setWordWrap(true);
    m_skipWarning->setStyleSheet(QString::fromLatin1(ErrorStyle));
    m_skipWarning->setVisible(false);

    auto withBrowse = [this](QLineEdit *edit, const QString &title) {
        auto *row = new QHBoxLayout;
        auto *button = new QToolButton(this);
        button->setText(u"…"_s);
        connect(button, &QToolButton::clicked, this, [this, edit, title] {
            const QString file = browse(title, edit->text());
            if (!file.isEmpty())
                edit->setText(file);
        });
        row->addWidget(edit);
        row->addWidget(button);
        return row;
    };

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("Route &prefix:"), m_prefix);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(tr("U&ser:"), m_user);
    form->addRow(tr("Pass&word / token:"), m_secret);
    form->addRow(tr("CA file:"), withBrowse(m_ca, tr("CA certificate")));
    form->addRow(tr("Client certificate:"), withBrowse(m_cert, tr("Client certificate")));
    form->addRow(tr("Client key:"), withBrowse(m_key, tr("Client key")));
    form->addRow(QString(), m_skipVerify);
    form->addRow(QString(), m_skipWarning);
    form->addRow(tr("P&rometheus URL:"), m_prometheus);
    form->addRow(tr("&Grafana URL:"), m_grafana);

    m_message = new QLabel(this);
    m_message->setObjectName(u"messageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_testButton = new QPushButton(tr("&Test"), this);
    m_testButton->setObjectName(u"testButton"_s);
    m_testButton->setToolTip(tr("Read the gateway's status with these settings"));
    m_saveButton = new QPushButton(tr("Sa&ve"), this);
    m_saveButton->setObjectName(u"saveButton"_s);
    m_openButton = new QPushButton(tr("&Open in Tab"), this);
    m_openButton->setObjectName(u"openButton"_s);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_testButton);
    actions->addStretch();
    actions->addWidget(m_saveButton);
    actions->addWidget(m_openButton);

    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(actions);
    right->addWidget(m_testResult);
    right->addWidget(m_message);
    right->addStretch();

    auto *top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addLayout(right, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);

    connect(addButton, &QPushButton::clicked, this, &ConnectionsDialog::newProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &ConnectionsDialog::removeCurrent);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionsDialog::test);
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        if (!save())
            return;
        Q_EMIT openRequested(m_loadedName);
        accept();
    });
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ConnectionsDialog::updateFieldStates);
    connect(m_skipVerify, &QCheckBox::toggled, this, &ConnectionsDialog::updateFieldStates);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (name.isEmpty())
            return;
        QSettings settings;
        if (const auto p = ConnectionProfile::load(settings, name))
            loadIntoForm(*p);
    });

    m_confirm = [this](const ConnectionProfile &p) {
        return QMessageBox::warning(this, tr("Credentials over plain http"),
                                    tr("Testing \"%1\" sends its credentials to %2 over plain http: anyone on the network "
                                       "can read them.\n\nSend them anyway?")
                                        .arg(p.name, p.url),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };

    reloadList();
    if (m_list->count() == 0)
        newProfile();
    updateFieldStates();
}

ConnectionsDialog::~ConnectionsDialog() = default;

QString ConnectionsDialog::browse(const QString &title, const QString &current)
{
    return QFileDialog::getOpenFileName(this, title, current, tr("Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)"));
}

void ConnectionsDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QSettings settings;
    for (const ConnectionProfile &p : ConnectionProfile::loadAll(settings))
        m_list->addItem(p.name);
    if (!select.isEmpty())
        selectProfile(select);
    else if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
        if (const auto p = ConnectionProfile::load(settings, m_list->item(0)->text()))
            loadIntoForm(*p);
    }
    m_removeButton->setEnabled(m_list->count() > 0);
}

bool ConnectionsDialog::selectProfile(const QString &name)
{
    const auto items = m_list->findItems(name, Qt::MatchExactly);
    if (items.isEmpty())
        return false;
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(items.first());
    }
    QSettings settings;
    if (const auto p = ConnectionProfile::load(settings, name))
        loadIntoForm(*p);
    return true;
}

void ConnectionsDialog::loadIntoForm(const ConnectionProfile &p)
{
    m_loadedName = p.name;
    m_name->setText(p.name);
    m_url->setText(p.url);
    m_prefix->setText(p.routePrefix);
    m_prometheus->setText(p.prometheusUrl);
    m_grafana->setText(p.grafanaUrl);
    m_auth->setCurrentIndex(m_auth->findData(int(p.auth)));
    m_user->setText(p.username);
    m_secret->clear();
    m_secret->setPlaceholderText(p.needsSecret() ? tr("unchanged (in the keyring)") : QString());
    m_ca->setText(p.caFile);
    m_cert->setText(p.clientCertFile);
    m_key->setText(p.clientKeyFile);
    m_skipVerify->setChecked(p.skipVerify);
    m_testResult->clear();
    m_message->clear();
    updateFieldStates();
}

void ConnectionsDialog::newProfile()
{
    const QSignalBlocker blocker(m_list);
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    ConnectionProfile p;
    p.url = u"https://"_s;
    loadIntoForm(p);
    m_name->setFocus();
}

ConnectionProfile ConnectionsDialog::formProfile() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.url = m_url->text().trimmed();
    p.routePrefix = m_prefix->text().trimmed();
    p.prometheusUrl = m_prometheus->text().trimmed();
    p.grafanaUrl = m_grafana->text().trimmed();
    p.auth = ConnectionProfile::Auth(m_auth->currentData().toInt());
    p.username = p.auth == ConnectionProfile::Auth::Basic ? m_user->text().trimmed() : QString();
    p.caFile = m_ca->text().trimmed();
    p.clientCertFile = m_cert->text().trimmed();
    p.clientKeyFile = m_key->text().trimmed();
    p.skipVerify = m_skipVerify->isChecked();
    // Kept from the saved profile: the user's answer about plain http.
    QSettings settings;
    if (const auto saved = ConnectionProfile::load(settings, m_loadedName.isEmpty() ? p.name : m_loadedName))
        p.plainHttpCredentialsAccepted = saved->plainHttpCredentialsAccepted && saved->url == p.url;
    return p;
}

void ConnectionsDialog::updateFieldStates()
{
    const auto auth = ConnectionProfile::Auth(m_auth->currentData().toInt());
    m_user->setEnabled(auth == ConnectionProfile::Auth::Basic);
    m_secret->setEnabled(auth != ConnectionProfile::Auth::None);
    m_skipWarning->setVisible(m_skipVerify->isChecked());
}

void ConnectionsDialog::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QString::fromLatin1(ErrorStyle) : QString());
    m_message->setText(text);
}

QString ConnectionsDialog::messageText() const
{
    return m_message->text();
}

QString ConnectionsDialog::testResultText() const
{
    return m_testResult->text();
}

bool ConnectionsDialog::save()
{
    const ConnectionProfile p = formProfile();
    const QString secret = m_secret->text(); // reloading the list below clears the field
    const QStringList problems = p.problems();
    if (!problems.isEmpty()) {
        showMessage(tr("Not saved: %1").arg(problems.join(u"; "_s)), true);
        return false;
    }
    QSettings settings;
    const bool renamed = !m_loadedName.isEmpty() && m_loadedName != p.name;
    if (!renamed && m_loadedName.isEmpty() && ConnectionProfile::load(settings, p.name)) {
        showMessage(tr("Not saved: a profile named \"%1\" exists already").arg(p.name), true);
        return false;
    }
    if (renamed) {
        ConnectionProfile::remove(settings, m_loadedName);
        CredentialStore::forgetSession(m_loadedName);
        if (m_store)
            m_store->remove(m_loadedName);
    }
    ConnectionProfile::save(settings, p);
    settings.sync();
    m_loadedName = p.name;
    reloadList(p.name);

    if (!p.needsSecret() || secret.isEmpty()) {
        if (!p.needsSecret() && m_store)
            m_store->remove(p.name);
        showMessage(renamed && p.needsSecret() && secret.isEmpty()
                        ? tr("Saved \"%1\". Enter the password or token again: it was stored under the old name.").arg(p.name)
                        : tr("Saved \"%1\".").arg(p.name),
                    false);
        Q_EMIT saved(p.name);
        return true;
    }
    // The secret: to the keyring, or for this session only when there is
    // none. Never into the settings.
    m_secret->clear();
    m_secret->setPlaceholderText(tr("unchanged (in the keyring)"));
    CredentialStore::rememberForSession(p.name, secret);
    showMessage(tr("Saved \"%1\"; storing the secret in the system keyring…").arg(p.name), false);
    Q_EMIT saved(p.name);
    if (!m_store)
        return true;
    const QString name = p.name;
    m_store->write(name, secret).then(this, [this, name](const Result<Done> &result) {
        if (result) {
            showMessage(tr("Saved \"%1\"; the secret is in the system keyring.").arg(name), false);
            Q_EMIT secretStored(true, messageText());
            return;
        }
        showMessage(tr("Saved \"%1\", but the secret could not be stored: %2. It is kept for this session only; "
                       "you will be asked for it again after a restart.")
                        .arg(name, result.errorString()),
                    true);
        Q_EMIT secretStored(false, messageText());
    });
    return true;
}

void ConnectionsDialog::removeCurrent()
{
    const QString name = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    if (name.isEmpty())
        return;
    QSettings settings;
    ConnectionProfile::remove(settings, name);
    CredentialStore::forgetSession(name);
    if (m_store)
        m_store->remove(name);
    m_loadedName.clear();
    reloadList();
    if (m_list->count() == 0)
        newProfile();
    showMessage(tr("Removed \"%1\" and its stored secret.").arg(name), false);
}

void ConnectionsDialog::test()
{
    const ConnectionProfile p = formProfile();
    m_testResult->setStyleSheet({});
    auto report = [this](bool ok, const QString &text) {
        m_testResult->setStyleSheet(ok ? QString() : QString::fromLatin1(ErrorStyle));
        m_testResult->setText(text);
        m_testButton->setEnabled(true);
        Q_EMIT testFinished(ok, text);
    };
    const auto valid = p.validate();
    if (!valid && !(p.name.isEmpty() && p.problems().size() == 1)) {
        report(false, valid.errorString());
        return;
    }
    // The same rule as opening: ask once per profile before credentials go
    // over plain http, and remember the answer in the saved profile.
    if (p.sendsCredentialsInClear() && !p.plainHttpCredentialsAccepted) {
        if (!m_confirm || !m_confirm(p)) {
            report(false, tr("Not tested: the credentials would go over plain http"));
            return;
        }
        QSettings settings;
        if (auto saved = ConnectionProfile::load(settings, p.name); saved && saved->url == p.url) {
            saved->plainHttpCredentialsAccepted = true;
            ConnectionProfile::save(settings, *saved);
        }
    }
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Testing…"));

    auto run = [this, p, report](const QString &secret) {
        ClientOptions base;
        base.timeoutMs = 10000;
        // As it is, being edited: no prepare() (it may have no name yet).
        const auto connection = ConnectionResolver::finish(p, secret, base);
        if (!connection) {
            report(false, connection.errorString());
            return;
        }
        const bool insecure = connection->hasWarning(ConnectionWarning::SkipsVerification);
        GatewayClient::statusOf(connection->baseUrl, connection->options).then(this, [report, insecure](const Result<GatewayStatus> &status) {
            if (!status) {
                report(false, status.errorString());
                return;
            }
            QString text = tr("OK: Pushgateway %1 answers").arg(status->version);
            if (insecure)
                text += tr(" (certificate NOT verified)");
            report(true, text);
        });
    };
    if (!p.needsSecret()) {
        run({});
        return;
    }
    if (!m_secret->text().isEmpty()) {
        run(m_secret->text());
        return;
    }
    const QString stored = m_loadedName.isEmpty() ? p.name : m_loadedName;
    if (const auto session = CredentialStore::sessionSecret(stored)) {
        run(*session);
        return;
    }
    if (!m_store) {
        report(false, tr("Type the password or token to test"));
        return;
    }
    m_store->read(stored).then(this, [run, report](const Result<QString> &secret) {
        if (!secret) {
            report(false, tr("Type the password or token to test (%1)").arg(secret.errorString()));
            return;
        }
        run(*secret);
    });
}

} // namespace PushDeck
