#include "CannedResponseModel.h"

#include <QRegularExpression>

namespace {

const QRegularExpression& placeholderPattern()
{
    // Only the names responses use: other braces an agent types are text.
    static const QRegularExpression pattern(
        QStringLiteral("\\{(firstName|lastName|customerName|agentName|ticketId|interactionId)\\}"));
    return pattern;
}

} // namespace

CannedResponseModel::CannedResponseModel(QObject* parent)
    : QAbstractListModel(parent)
{
    // The texts go to customers in their language, whatever the agent's
    // interface language: they are content, not translations of the UI.
    m_rows = {
        { QStringLiteral("greeting"), tr("Greeting"),
            QStringLiteral("Buongiorno {firstName}, sono {agentName}. Come posso aiutarla?"),
            QStringLiteral("Hello {firstName}, this is {agentName}. How can I help you?") },
        { QStringLiteral("checking"), tr("Checking, one moment"),
            QStringLiteral("Grazie {firstName}, verifico subito. Mi conceda un momento."),
            QStringLiteral("Thank you {firstName}, I am checking that now. Please bear with me a moment.") },
        { QStringLiteral("ticket"), tr("Ticket opened"),
            QStringLiteral("Ho aperto la pratica n. {ticketId} per la sua richiesta: la aggiorneremo appena "
                           "possibile."),
            QStringLiteral("I have opened ticket {ticketId} for your request: we will update you as soon as "
                           "we can.") },
        { QStringLiteral("callback"), tr("We will call back"),
            QStringLiteral(
                "Gentile {firstName}, la richiameremo al più presto. Cordiali saluti, {agentName}."),
            QStringLiteral("Dear {firstName}, we will call you back shortly. Kind regards, {agentName}.") },
        { QStringLiteral("closing"), tr("Closing"),
            QStringLiteral("Grazie per averci contattato, {firstName}. Buona giornata da {agentName}!"),
            QStringLiteral("Thank you for contacting us, {firstName}. Have a good day, {agentName}.") },
    };
}

QString CannedResponseModel::text(int row, const QString& language) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return language.startsWith(QLatin1String("it"), Qt::CaseInsensitive) ? m_rows.at(row).italian
                                                                         : m_rows.at(row).english;
}

QString CannedResponseModel::filled(
    int row, const QString& language, const QHash<QString, QString>& values) const
{
    return fill(text(row, language), values);
}

int CannedResponseModel::rowOfKey(const QString& key) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).key == key)
            return row;
    }
    return -1;
}

QString CannedResponseModel::fill(const QString& text, const QHash<QString, QString>& values)
{
    QString result;
    qsizetype from = 0;
    // One pass, so a value that itself contains "{name}" (a customer's name
    // is data) is never expanded again.
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(text).mid(from, match.capturedStart() - from);
        const QString value = values.value(match.captured(1));
        result += value.isEmpty() ? match.captured(0) : value;
        from = match.capturedEnd();
    }
    result += QStringView(text).mid(from);
    return result;
}

QStringList CannedResponseModel::unfilled(const QString& text)
{
    QStringList names;
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(0);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

int CannedResponseModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CannedResponseModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m_rows.at(index.row()).title;
    case KeyRole:
        return m_rows.at(index.row()).key;
    default:
        return {};
    }
}
