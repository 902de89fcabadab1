#include "views/operations/pushdialog.h"

#include "views/common/actionicons.h"
#include "views/common/expositionedit.h"
#include "views/common/groupkeyedit.h"
#include "operations/groupoperations.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

PushDialog::PushDialog(GroupOperations *ops, const QUrl &gatewayUrl, const QList<Group> &groups, QWidget *parent)
    : QDialog(parent)
    , m_ops(ops)
{
    setObjectName(u"pushDialog"_s);
    setWindowTitle(tr("Push a group"));
    setWindowIcon(ActionIcons::icon(u"push"_s));
    for (const Group &group : groups)
        m_existing.append(group.key);

    m_keyEdit = new GroupKeyEdit(this);
    m_keyEdit->setObjectName(u"pushKeyEdit"_s);
    m_keyEdit->setBaseUrl(gatewayUrl);
    m_keyEdit->setExistingKeys(m_existing);

    m_replace = new QRadioButton(tr("Replace the group (PUT)"), this);
    m_replace->setObjectName(u"replaceButton"_s);
    m_replace->setToolTip(tr("The group afterwards holds exactly the families in the text"));
    m_merge = new QRadioButton(tr("Merge into the group (POST)"), this);
    m_merge->setObjectName(u"mergeButton"_s);
    m_merge->setToolTip(tr("Families in the text replace those of the same name; other families stay"));
    m_replace->setChecked(true);
    auto *methodGroup = new QButtonGroup(this);
    methodGroup->addButton(m_replace);
    methodGroup->addButton(m_merge);
    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_replace);
    methodRow->addWidget(m_merge);
    methodRow->addStretch(1);

    m_existsNote = new QLabel(this);
    m_existsNote->setObjectName(u"existsNote"_s);
    m_existsNote->setWordWrap(true);

    m_textEdit = new ExpositionEdit(this);
    m_textEdit->setObjectName(u"pushTextEdit"_s);

    m_result = new QLabel(this);
    m_result->setObjectName(u"pushResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_pushButton = buttons->addButton(tr("Push"), QDialogButtonBox::AcceptRole);
    m_pushButton->setObjectName(u"pushButton"_s);
    m_pushButton->setIcon(ActionIcons::icon(u"push"_s));
    m_pushButton->setAutoDefault(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(u"closeButton"_s);
    m_closeButton->setAutoDefault(false);
    connect(m_pushButton, &QPushButton::clicked, this, &PushDialog::push);
    connect(m_closeButton, &QPushButton::clicked, this, &PushDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Grouping key:"), m_keyEdit);
    form->addRow(tr("Method:"), methodRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_existsNote);
    layout->addWidget(new QLabel(tr("Metrics (text exposition format; no timestamps, the gateway rejects them):"), this));
    layout->addWidget(m_textEdit, 1);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(720, 560);

    connect(m_keyEdit, &GroupKeyEdit::keyChanged, this, &PushDialog::updateState);
    connect(m_textEdit, &ExpositionEdit::validated, this, &PushDialog::updateState);
    connect(m_replace, &QRadioButton::toggled, this, &PushDialog::updateState);
    updateState();
    m_keyEdit->lineEdit()->setFocus();
}

PushDialog::~PushDialog() = default;

void PushDialog::updateState()
{
    m_keyEdit->setMethod(m_replace->isChecked() ? u"PUT"_s : u"POST"_s);
    const auto key = m_keyEdit->key();
    if (key)
        m_textEdit->setKey(*key);
    if (m_keyEdit->exists()) {
        m_existsNote->setText(m_replace->isChecked()
                                  ? tr("This group exists: PUT replaces all its families with the text. Its current "
                                       "content is saved for undo first.")
                                  : tr("This group exists: POST replaces only the families named in the text. Its "
                                       "current content is saved for undo first."));
        m_existsNote->show();
    } else {
        m_existsNote->hide();
    }
    const auto &text = m_textEdit->validation();
    const bool textOk = m_textEdit->isPending() || (text.ok() && !text->isEmpty());
    m_pushButton->setEnabled(!m_running && m_ops && key.ok() && !m_keyEdit->collision() && textOk);
    m_pushButton->setText(m_replace->isChecked() ? tr("Push (PUT)") : tr("Push (POST)"));
}

void PushDialog::push()
{
    if (m_running || !m_ops)
        return;
    const auto key = m_keyEdit->key();
    if (!key) {
        showResult(false, key.errorString());
        m_keyEdit->lineEdit()->setFocus();
        return;
    }
    const auto &validation = m_textEdit->validateNow();
    if (!validation) {
        // Nothing is sent; the cursor goes where the problem is.
        showResult(false, tr("Not sent: %1").arg(validation.errorString()));
        m_textEdit->goToError();
        return;
    }
    if (validation->isEmpty()) {
        showResult(false, tr("Not sent: the text has no metric families."));
        return;
    }
    if (!m_ops)
        return;
    const bool replace = m_replace->isChecked();
    m_running = true;
    updateState();
    m_result->setPalette(palette());
    m_result->setText(tr("Pushing to %1 and reading it back…").arg(key->toString()));
    m_result->show();
    m_ops->pushNew(*key, m_textEdit->text(), replace).then(this, [this, key = *key](const Result<OperationResult> &result) {
        m_running = false;
        if (result) {
            if (!m_existing.contains(key))
                m_existing.append(key);
            m_keyEdit->setExistingKeys(m_existing);
            QString text = result->message;
            if (!result->verified)
                text += u"\n"_s + tr("The gateway accepted it but stores it differently from the text (see above).");
            showResult(true, text);
        } else {
            const Error &error = result.error();
            QString text;
            if (error.kind == Error::Http)
                text = tr("Rejected by the gateway, nothing was changed:\n%1").arg(error.message);
            else
                text = tr("Not pushed: %1").arg(error.message);
            showResult(false, text);
            if (error.kind == Error::Parse)
                m_textEdit->goToError();
        }
        updateState();
        Q_EMIT pushFinished(m_lastOk, m_result->text());
    });
}

void PushDialog::showResult(bool ok, const QString &text)
{
    m_lastOk = ok;
    QPalette p = palette();
    if (!ok)
        p.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_result->setPalette(p);
    m_result->setText(text);
    m_result->show();
}

QString PushDialog::resultText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

void PushDialog::reject()
{
    // The push's outcome must be seen (and the continuation needs us).
    if (m_running)
        return;
    QDialog::reject();
}

} // namespace PushDeck
