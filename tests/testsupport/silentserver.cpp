#include "silentserver.h"
