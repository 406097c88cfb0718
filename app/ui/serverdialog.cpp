#include "ui/serverdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace app {
namespace ui {

namespace {

QLineEdit* field(QWidget* parent, const char* name, const QString& placeholder)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(placeholder);
    edit->setMinimumWidth(260);
    return edit;
}

} // namespace

ServerProjectDialog::ServerProjectDialog(const QString& title, const QString& intro, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("serverProjectDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    layout->addWidget(introLabel);

    auto* form = new QFormLayout;
    mHost = field(this, "serverHost", tr("e.g. 10.18.6.20 or bappelitbang.local"));
    mPort = field(this, "serverPort", QStringLiteral("5432"));
    mPort->setValidator(new QIntValidator(1, 65535, mPort));
    mDatabase = field(this, "serverDatabase", tr("e.g. sasaran"));
    mUser = field(this, "serverUser", tr("your PostgreSQL user"));
    mProject = field(this, "serverProject", tr("e.g. tanggamus"));
    mProject->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z][a-z0-9_]{0,49}")), mProject));
    mPassword = field(this, "serverPassword", tr("leave empty to use ~/.pgpass"));
    mPassword->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Server (host)"), mHost);
    form->addRow(tr("Port"), mPort);
    form->addRow(tr("Database"), mDatabase);
    form->addRow(tr("User"), mUser);
    form->addRow(tr("Project"), mProject);
    form->addRow(tr("Password"), mPassword);
    layout->addLayout(form);

    auto* note = new QLabel(tr("The password is used for this session only and is never saved by Sasaran. To "
                               "keep it, put it in ~/.pgpass (one line host:port:database:user:password, "
                               "readable by you only)."),
                            this);
    note->setObjectName(QStringLiteral("passwordNote"));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(note);
    mProblem = new QLabel(this);
    mProblem->setObjectName(QStringLiteral("serverProblem"));
    mProblem->setStyleSheet(QStringLiteral("color: #7a5c00;"));
    layout->addWidget(mProblem);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    mOk->setObjectName(QStringLiteral("serverOk"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    mOk->setText(tr("OK"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    for (QLineEdit* e : {mHost, mPort, mDatabase, mUser, mProject})
        connect(e, &QLineEdit::textChanged, this, &ServerProjectDialog::updateState);
    updateState();
    setMinimumWidth(460);
}

void ServerProjectDialog::setLocation(const QString& location)
{
    const QUrl url(location);
    if (!url.isValid())
        return;
    mHost->setText(url.host());
    mPort->setText(url.port() > 0 ? QString::number(url.port()) : QString());
    mDatabase->setText(url.path().mid(1));
    mUser->setText(url.userName());
    mProject->setText(QUrlQuery(url).queryItemValue(QStringLiteral("project")));
}

QString ServerProjectDialog::location() const
{
    // Percent-encoded parts, so that an unusual user or database name stays one URI part.
    auto part = [](const QLineEdit* e) { return QString::fromUtf8(QUrl::toPercentEncoding(e->text().trimmed())); };
    QString host = mHost->text().trimmed();
    if (host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('[')))
        host = QLatin1Char('[') + host + QLatin1Char(']'); // an IPv6 address
    const QString port = mPort->text().trimmed().isEmpty() ? QStringLiteral("5432") : mPort->text().trimmed();
    return QStringLiteral("postgresql://%1@%2:%3/%4?project=%5")
        .arg(part(mUser), host, port, part(mDatabase), mProject->text().trimmed());
}

QString ServerProjectDialog::password() const
{
    return mPassword->text();
}

void ServerProjectDialog::updateState()
{
    QString missing;
    if (mHost->text().trimmed().isEmpty())
        missing = tr("Fill in the server.");
    else if (mDatabase->text().trimmed().isEmpty())
        missing = tr("Fill in the database.");
    else if (mUser->text().trimmed().isEmpty())
        missing = tr("Fill in the user.");
    else if (mProject->text().trimmed().isEmpty())
        missing = tr("Fill in the project: lower-case letters, digits and _.");
    mProblem->setText(missing);
    mOk->setEnabled(missing.isEmpty());
}

} // namespace ui
} // namespace app
