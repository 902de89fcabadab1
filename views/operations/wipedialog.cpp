#include "views/operations/wipedialog.h"

#include "views/common/actionicons.h"
#include "operations/groupoperations.h"
#include "core/urls.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

WipeDialog::WipeDialog(GroupOperations *ops, const QUrl &gatewayUrl, int groupCount, QWidget *parent)
    : QDialog(parent)
    , m_ops(ops)
    , m_expected(expectedConfirmation(gatewayUrl))
{
    setObjectName(u"wipeDialog"_s);
    setWindowTitle(tr("Wipe the gateway"));
    setWindowIcon(ActionIcons::icon(u"wipe"_s));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);

    const QString url = redactedUrl(gatewayUrl).toHtmlEscaped();
    auto *text = new QLabel(this);
    text->setObjectName(u"wipeText"_s);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    QString what = groupCount >= 0 ? tr("<p><b>Delete all %n group(s)</b> on %1 through the admin API.</p>", nullptr, groupCount).arg(url)
                                   : tr("<p><b>Delete every group</b> on %1 through the admin API.</p>").arg(url);
    what += tr("<p>Every pusher's data disappears at once; alerts on missing data may fire. An undo snapshot of "
               "every group is written first, and the gateway is read back to confirm it is empty.</p>"
               "<p>Type the gateway's address <b><code>%1</code></b> to confirm:</p>")
                .arg(m_expected.toHtmlEscaped());
    text->setText(what);
    text->setMinimumWidth(460);

    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(u"wipeConfirmEdit"_s);
    m_confirm->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_confirm->setPlaceholderText(m_expected);
    connect(m_confirm, &QLineEdit::textChanged, this, &WipeDialog::updateButton);

    m_result = new QLabel(this);
    m_result->setObjectName(u"wipeResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_wipeButton = buttons->addButton(tr("Wipe everything"), QDialogButtonBox::AcceptRole);
    m_wipeButton->setObjectName(u"wipeButton"_s);
    m_wipeButton->setIcon(ActionIcons::icon(u"wipe"_s));
    m_wipeButton->setAutoDefault(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(u"closeButton"_s);
    m_closeButton->setDefault(true);
    connect(m_wipeButton, &QPushButton::clicked, this, &WipeDialog::wipe);
    connect(m_closeButton, &QPushButton::clicked, this, &WipeDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    auto *right = new QVBoxLayout;
    right->addWidget(text);
    right->addWidget(m_confirm);
    right->addWidget(m_result);
    top->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch(1);
    layout->addWidget(buttons);
    // Room for the result below the confirmation without the text squeezing.
    resize(600, 360);
    updateButton();
    m_confirm->setFocus();
}

WipeDialog::~WipeDialog() = default;

QString WipeDialog::expectedConfirmation(const QUrl &url)
{
    QString host = url.host();
    // IPv6 literals are written in brackets, as in the URL.
    if (QHostAddress address(host); !address.isNull() && address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    const int port = url.port(url.scheme() == u"https"_s ? 443 : 80);
    return host + u':' + QString::number(port);
}

void WipeDialog::updateButton()
{
    const bool matches = m_confirm->text().trimmed() == m_expected;
    m_wipeButton->setEnabled(matches && !m_running && !m_finished && m_ops);
    m_wipeButton->setToolTip(matches ? QString() : tr("Type %1 above to enable").arg(m_expected));
}

void WipeDialog::wipe()
{
    if (m_running || m_finished || !m_ops || m_confirm->text().trimmed() != m_expected)
        return;
    m_running = true;
    m_confirm->setEnabled(false);
    updateButton();
    m_closeButton->setEnabled(false);
    m_result->setText(tr("Writing the undo snapshot, wiping, then reading the gateway back…"));
    m_result->setPalette(palette());
    m_result->show();
    m_ops->wipe().then(this, [this](const Result<OperationResult> &result) {
        m_running = false;
        m_finished = true;
        m_ok = result.ok();
        QString text;
        if (result) {
            text = result->message;
            if (!result->snapshotPath.isEmpty())
                text += u"\n"_s + tr("Undo snapshot: %1").arg(result->snapshotPath);
        } else {
            text = tr("The wipe failed: %1").arg(result.errorString());
            QPalette p = m_result->palette();
            p.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
            m_result->setPalette(p);
        }
        m_result->setText(text);
        m_closeButton->setEnabled(true);
        m_closeButton->setText(tr("Close"));
        updateButton();
        Q_EMIT wipeFinished(m_ok, text);
    });
}

QString WipeDialog::resultText() const
{
    return m_result->text();
}

void WipeDialog::reject()
{
    if (m_running)
        return;
    QDialog::reject();
}

} // namespace PushDeck
