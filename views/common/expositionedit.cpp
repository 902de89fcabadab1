#include "views/common/expositionedit.h"

#include "format/expositioncheck.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// Texts above this are validated off the UI thread: a big paste must not
// freeze typing.
constexpr qsizetype AsyncValidationBytes = 256 * 1024;
constexpr qint64 MaxFileBytes = 64LL * 1024 * 1024;

QColor problemColour()
{
    return QColor(0xc0, 0x1c, 0x28);
}

} // namespace

ExpositionEdit::ExpositionEdit(QWidget *parent)
    : QWidget(parent)
{
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(u"expositionEditor"_s);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    m_editor->setPlaceholderText(u"# HELP backup_last_success_seconds Unix time of the last successful backup.\n"
                                 "# TYPE backup_last_success_seconds gauge\n"
                                 "backup_last_success_seconds 1.7e9\n"_s);
    m_status = new QLabel(this);
    m_status->setObjectName(u"expositionStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_status->setTextFormat(Qt::RichText);
    connect(m_status, &QLabel::linkActivated, this, [this] { goToError(); });
    m_loadButton = new QPushButton(tr("Load file…"), this);
    m_loadButton->setObjectName(u"loadFileButton"_s);
    m_loadButton->setIcon(QIcon::fromTheme(u"document-open"_s, style()->standardIcon(QStyle::SP_DialogOpenButton)));
    connect(m_loadButton, &QPushButton::clicked, this, &ExpositionEdit::chooseFile);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_loadButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_editor, 1);
    layout->addLayout(bottom);

    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(250);
    connect(m_delay, &QTimer::timeout, this, &ExpositionEdit::startValidation);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_settingText)
            return;
        scheduleValidation();
        Q_EMIT edited();
    });
    validateNow();
}

ExpositionEdit::~ExpositionEdit() = default;

void ExpositionEdit::setKey(const GroupingKey &key)
{
    if (key == m_key)
        return;
    m_key = key;
    scheduleValidation();
}

QByteArray ExpositionEdit::text() const
{
    return m_editor->toPlainText().toUtf8();
}

void ExpositionEdit::setText(const QByteArray &text)
{
    m_settingText = true;
    m_editor->setPlainText(QString::fromUtf8(text));
    m_settingText = false;
    validateNow();
    if (!m_result)
        goToError();
}

Result<Done> ExpositionEdit::loadFile(const QString &path)
{
    QFile file(path);
    if (QFileInfo(path).size() > MaxFileBytes)
        return Error::make(Error::TooLarge, tr("%1 is larger than %2 MB").arg(path).arg(MaxFileBytes / (1024 * 1024)));
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Invalid, tr("cannot read %1: %2").arg(path, file.errorString()));
    setText(file.readAll());
    return Done{};
}

void ExpositionEdit::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load exposition text"), QString(),
                                                      tr("Text exposition (*.prom *.txt *.metrics);;All files (*)"));
    if (path.isEmpty())
        return;
    if (auto loaded = loadFile(path); !loaded) {
        m_status->setText(u"<span style=\"color:%1\">%2</span>"_s.arg(problemColour().name(), loaded.errorString().toHtmlEscaped()));
    }
}

void ExpositionEdit::scheduleValidation()
{
    m_pending = true;
    ++m_generation; // a running background validation is now stale
    m_delay->start();
}

void ExpositionEdit::startValidation()
{
    const QByteArray text = this->text();
    const GroupingKey key = m_key;
    if (text.size() < AsyncValidationBytes) {
        applyResult(validateForPush(text, key));
        return;
    }
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Checking %1 KB…").arg(text.size() / 1024));
    QtConcurrent::run([text, key] { return validateForPush(text, key); })
        .then(this, [this, generation](Result<QList<MetricFamily>> result) {
            if (generation != m_generation)
                return; // edited meanwhile: a newer validation follows
            applyResult(std::move(result));
        });
}

const Result<QList<MetricFamily>> &ExpositionEdit::validateNow()
{
    m_delay->stop();
    ++m_generation;
    applyResult(validateForPush(text(), m_key));
    return m_result;
}

void ExpositionEdit::applyResult(Result<QList<MetricFamily>> result)
{
    m_pending = false;
    m_result = std::move(result);
    QList<QTextEdit::ExtraSelection> selections;
    if (m_result) {
        int series = 0;
        for (const auto &family : *m_result)
            series += int(family.series.size());
        if (m_result->isEmpty())
            m_status->setText(tr("No metric families yet."));
        else
            m_status->setText(tr("Valid: %n metric family(ies), ", nullptr, int(m_result->size()))
                              + tr("%n series.", nullptr, series));
    } else {
        const Error &error = m_result.error();
        QString text = u"<span style=\"color:%1\">%2</span>"_s.arg(problemColour().name(), error.message.toHtmlEscaped());
        if (error.line > 0) {
            text += u" <a href=\"#error\">"_s + tr("Go to line %1, column %2").arg(error.line).arg(std::max(1, error.column))
                + u"</a>"_s;
            const QTextBlock block = m_editor->document()->findBlockByNumber(error.line - 1);
            if (block.isValid()) {
                QTextEdit::ExtraSelection selection;
                QColor tint = problemColour();
                tint.setAlpha(m_editor->palette().color(QPalette::Base).lightness() > 128 ? 45 : 110);
                selection.format.setBackground(tint);
                selection.format.setProperty(QTextFormat::FullWidthSelection, true);
                selection.cursor = QTextCursor(block);
                selections.append(selection);
            }
        }
        m_status->setText(text);
    }
    m_editor->setExtraSelections(selections);
    Q_EMIT validated(m_result.ok());
}

bool ExpositionEdit::goToError()
{
    if (m_result || m_result.error().line <= 0)
        return false;
    const Error &error = m_result.error();
    const QTextBlock block = m_editor->document()->findBlockByNumber(error.line - 1);
    if (!block.isValid())
        return false;
    // The parser counts columns in bytes of UTF-8; the editor in characters.
    int offset = 0;
    if (error.column > 1) {
        const QByteArray lineBytes = block.text().toUtf8();
        offset = int(QString::fromUtf8(lineBytes.left(error.column - 1)).size());
    }
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::min(offset, std::max(0, block.length() - 1)));
    m_editor->setTextCursor(cursor);
    m_editor->centerCursor();
    m_editor->setFocus(Qt::OtherFocusReason);
    return true;
}

QString ExpositionEdit::statusText() const
{
    // Plain text for tests and logs.
    QTextDocument doc;
    doc.setHtml(m_status->text());
    return doc.toPlainText();
}

void ExpositionEdit::setReadOnly(bool readOnly)
{
    m_editor->setReadOnly(readOnly);
    m_loadButton->setEnabled(!readOnly);
}

} // namespace PushDeck
