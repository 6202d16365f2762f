#include "connectivitycheck.h"
