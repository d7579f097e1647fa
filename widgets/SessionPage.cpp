#include "SessionPage.h"

SessionPage::SessionPage(qint64 customerId, QWidget* parent)
    : QWidget(parent)
    , m_customerId(customerId)
{ }
