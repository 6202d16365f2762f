#include "dbsession.h"
